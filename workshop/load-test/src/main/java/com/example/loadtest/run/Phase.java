package com.example.loadtest.run;

/** What the load test is doing to a target; cold starts are reported per phase. */
public enum Phase {
    /** Creating the users, organizations and memberships. */
    SEED,
    /** Requests that are sent but not measured: they start environments and fill caches. */
    WARM_UP,
    /** The measured requests. */
    LOAD
}
