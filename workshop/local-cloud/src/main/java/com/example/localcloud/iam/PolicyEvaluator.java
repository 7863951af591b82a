package com.example.localcloud.iam;

import java.util.List;

/**
 * Evaluates identity-based policy statements as AWS does for a request within one account:
 * an explicit Deny wins over everything, otherwise any Allow allows, otherwise the request is
 * implicitly denied (so no statements at all means no access).
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /** @return {@link Decision.Outcome#ALLOWED}, {@link Decision.Outcome#EXPLICIT_DENY} or {@link Decision.Outcome#IMPLICIT_DENY} */
    public static Decision.Outcome evaluate(List<PolicyStatement> statements, String action, String resourceArn) {
        boolean allowed = false;
        for (PolicyStatement statement : statements) {
            if (!statement.appliesTo(action, resourceArn)) {
                continue;
            }
            if (statement.effect() == PolicyStatement.Effect.DENY) {
                return Decision.Outcome.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.Outcome.ALLOWED : Decision.Outcome.IMPLICIT_DENY;
    }
}
