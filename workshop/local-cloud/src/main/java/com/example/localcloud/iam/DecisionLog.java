package com.example.localcloud.iam;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Remembers the decisions of the check it wraps, so a test can compare what a stage's role
 * allows with what its code actually does (least privilege: nothing granted that is never used).
 * The last {@link #KEPT}: the stream pollers alone ask about nine times a second, and a local cloud
 * left running through a workshop day must not grow without end.
 */
public final class DecisionLog implements AccessCheck {
    /** About twenty minutes of idle polling, many times what a check or a test asks about. */
    static final int KEPT = 10_000;

    private final AccessCheck check;
    private final Deque<Decision> decisions = new ArrayDeque<>();

    public DecisionLog(AccessCheck check) {
        this.check = check;
    }

    @Override
    public Decision check(String accessKeyId, String action, String resourceArn) {
        Decision decision = check.check(accessKeyId, action, resourceArn);
        synchronized (decisions) {
            if (decisions.size() == KEPT) {
                decisions.removeFirst();
            }
            decisions.addLast(decision);
        }
        return decision;
    }

    /** The last {@link #KEPT} decisions, oldest first. */
    public List<Decision> decisions() {
        synchronized (decisions) {
            return List.copyOf(decisions);
        }
    }
}
