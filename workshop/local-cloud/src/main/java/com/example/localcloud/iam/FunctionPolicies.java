package com.example.localcloud.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local cloud's IAM: each Lambda function gets its own access key id, and a call signed with
 * that key is evaluated against that function's role statements, as AWS evaluates the role a
 * function runs with.
 *
 * <pre>{@code
 * AccessCheck iam = FunctionPolicies.builder("000000000000")
 *         .function("AKIDCREATEUSER", "accounts-dev-createUser", "accounts-dev-us-east-1-lambdaRole", statements)
 *         .build();
 * }</pre>
 */
public final class FunctionPolicies implements AccessCheck {

    /** Who a function's calls come from, and what its role allows. */
    private record Identity(String principalArn, List<PolicyStatement> statements, boolean unrestricted) {
    }

    private final Map<String, Identity> byAccessKeyId;

    private FunctionPolicies(Map<String, Identity> byAccessKeyId) {
        this.byAccessKeyId = Map.copyOf(byAccessKeyId);
    }

    public static Builder builder(String accountId) {
        return new Builder(accountId);
    }

    @Override
    public Decision check(String accessKeyId, String action, String resourceArn) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return new Decision(Decision.Outcome.MISSING_AUTHENTICATION, null, action, resourceArn);
        }
        Identity identity = byAccessKeyId.get(accessKeyId);
        if (identity == null) {
            return new Decision(Decision.Outcome.UNRECOGNIZED_CLIENT, null, action, resourceArn);
        }
        Decision.Outcome outcome = identity.unrestricted()
                ? Decision.Outcome.ALLOWED
                : PolicyEvaluator.evaluate(identity.statements(), action, resourceArn);
        List<String> allowedOn = outcome != Decision.Outcome.IMPLICIT_DENY ? List.of()
                : identity.statements().stream().flatMap(statement -> statement.allowedResourcesFor(action).stream()).toList();
        return new Decision(outcome, identity.principalArn(), action, resourceArn, allowedOn);
    }

    /** Collects the functions' keys and statements. */
    public static final class Builder {
        private final String accountId;
        private final Map<String, Identity> byAccessKeyId = new HashMap<>();

        private Builder(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
        }

        /**
         * A function whose calls are signed with {@code accessKeyId}.
         *
         * @param functionName the deployed function name; AWS's messages name the caller
         *                     {@code arn:aws:sts::<account>:assumed-role/<roleName>/<functionName>}
         * @param roleName     the execution role's name
         * @param statements   the role's statements (provider-level and the function's own), as
         *                     parsed from YAML, CloudFormation functions resolved
         * @throws PolicyException if a statement cannot be evaluated (see {@link PolicyStatement#fromMap})
         */
        public Builder function(String accessKeyId, String functionName, String roleName,
                                List<? extends Map<String, ?>> statements) {
            return functionWithStatements(accessKeyId, functionName, roleName, PolicyStatement.fromMaps(statements));
        }

        /** As {@link #function}, with statements already built (e.g. with {@link PolicyStatement#of}). */
        public Builder functionWithStatements(String accessKeyId, String functionName, String roleName,
                                              List<PolicyStatement> statements) {
            String principal = "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + functionName;
            return add(accessKeyId, new Identity(principal, List.copyOf(statements), false));
        }

        /**
         * A key that may do everything, like an administrator's: for the local cloud's own set-up
         * calls and for tools that talk to the local services directly.
         */
        public Builder unrestricted(String accessKeyId, String principalArn) {
            return add(accessKeyId, new Identity(principalArn, List.of(), true));
        }

        public FunctionPolicies build() {
            return new FunctionPolicies(byAccessKeyId);
        }

        private Builder add(String accessKeyId, Identity identity) {
            if (accessKeyId == null || accessKeyId.isEmpty()) {
                throw new IllegalArgumentException("access key id must not be empty");
            }
            if (byAccessKeyId.putIfAbsent(accessKeyId, identity) != null) {
                throw new IllegalArgumentException("access key id used twice: " + accessKeyId);
            }
            return this;
        }
    }
}
