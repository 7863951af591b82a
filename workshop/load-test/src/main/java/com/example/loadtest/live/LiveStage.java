package com.example.loadtest.live;

import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.NetworkDelays;

/** One stage of a live run: its local cloud, the load on it, the controls for it, and what reads its figures. */
public final class LiveStage {
    private final LocalStageTarget target;
    private final LiveLoad load;
    private final StageControls controls;
    private final StageSampler sampler;

    /**
     * @param networkDelays what "network delays on" adds
     * @param networkOn     whether the stage was started with them
     */
    public LiveStage(LocalStageTarget target, LiveLoad load, NetworkDelays networkDelays, boolean networkOn) {
        this.target = target;
        this.load = load;
        this.controls = new StageControls(target, networkDelays, networkOn);
        this.sampler = new StageSampler(target, load, controls);
    }

    public LocalStageTarget target() {
        return target;
    }

    public LiveLoad load() {
        return load;
    }

    StageControls controls() {
        return controls;
    }

    StageSampler sampler() {
        return sampler;
    }

    Events.StageInfo info() {
        return new Events.StageInfo(target.name(), StageWords.caches(target.name()), target.description(),
                target.baseUri().toString());
    }
}
