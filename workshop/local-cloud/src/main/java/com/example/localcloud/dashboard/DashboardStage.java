package com.example.localcloud.dashboard;

import com.example.localcloud.LocalCloud;
import java.time.Duration;

/** One stage on the dashboard: its local cloud, the controls for it, and what reads its figures each second. */
public final class DashboardStage {
    private final String name;
    private final String description;
    private final LocalCloud cloud;
    private final StageControls controls;
    private final StageSampler sampler;

    /**
     * @param name            e.g. {@code step-4}, or a stage folder's name
     * @param requests        the latencies to chart: the load test's own, or API Gateway's ({@link GatewayRequests})
     * @param dynamoDbNetwork what "network delays on" adds to every DynamoDB call
     * @param momentoNetwork  and to every Momento data call
     * @param networkOn       whether those are in force from the start (the stage was started with them)
     */
    public DashboardStage(String name, String description, LocalCloud cloud, RequestFigures requests,
                          Duration dynamoDbNetwork, Duration momentoNetwork, boolean networkOn) {
        this.name = name;
        this.description = description;
        this.cloud = cloud;
        this.controls = new StageControls(cloud, dynamoDbNetwork, momentoNetwork, networkOn);
        this.sampler = new StageSampler(name, cloud, requests, controls);
    }

    public String name() {
        return name;
    }

    StageControls controls() {
        return controls;
    }

    StageSampler sampler() {
        return sampler;
    }

    Events.StageInfo info() {
        return new Events.StageInfo(name, StageWords.caches(name), description, cloud.baseUri().toString());
    }
}
