package com.example.localcloud.iam;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Remembers every decision of the check it wraps, so a test can compare what a stage's role
 * allows with what its code actually does (least privilege: nothing granted that is never used).
 */
public final class DecisionLog implements AccessCheck {
    private final AccessCheck check;
    private final List<Decision> decisions = new CopyOnWriteArrayList<>();

    public DecisionLog(AccessCheck check) {
        this.check = check;
    }

    @Override
    public Decision check(String accessKeyId, String action, String resourceArn) {
        Decision decision = check.check(accessKeyId, action, resourceArn);
        decisions.add(decision);
        return decision;
    }

    /** Every decision so far, oldest first. */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }
}
