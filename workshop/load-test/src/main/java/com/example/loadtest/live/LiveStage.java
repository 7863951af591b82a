package com.example.loadtest.live;

import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.NetworkDelays;
import com.example.localcloud.dashboard.DashboardStage;

/** One stage of a live run: its local cloud, the load on it, and the stage as the dashboard shows it (latency from the load). */
public final class LiveStage {
    private final LocalStageTarget target;
    private final LiveLoad load;
    private final DashboardStage shown;

    /**
     * @param networkDelays what "network delays on" adds
     * @param networkOn     whether the stage was started with them
     */
    public LiveStage(LocalStageTarget target, LiveLoad load, NetworkDelays networkDelays, boolean networkOn) {
        this.target = target;
        this.load = load;
        this.shown = new DashboardStage(target.name(), target.description(), target.cloud(), load,
                networkDelays.dynamoDb(), networkDelays.momento(), networkOn);
    }

    public LocalStageTarget target() {
        return target;
    }

    public LiveLoad load() {
        return load;
    }

    DashboardStage shown() {
        return shown;
    }
}
