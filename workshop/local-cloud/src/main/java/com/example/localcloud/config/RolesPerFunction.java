package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the {@code serverless-iam-roles-per-function} plugin (v3) deploys, so the local cloud
 * enforces the roles AWS will hold: a function that declares {@code iamRoleStatements} gets a
 * role of its own with exactly those, plus the provider's statements when it inherits them
 * ({@code iamRoleStatementsInherit}, or {@code custom.serverless-iam-roles-per-function.defaultInherit}),
 * plus, for each stream event, read access to that stream. A function without
 * {@code iamRoleStatements} keeps the service's shared role.
 */
final class RolesPerFunction {
    static final String PLUGIN = "serverless-iam-roles-per-function";

    /** IAM's limit on a role name's length. */
    private static final int MAX_ROLE_NAME = 64;

    /** What the plugin grants for a stream event, by stream type. */
    private static final Map<String, List<String>> STREAM_ACTIONS = Map.of(
            "dynamodb", List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"),
            "kinesis", List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"));

    private final boolean enabled;
    private final boolean defaultInherit;
    private final Deployment deployment;

    RolesPerFunction(boolean enabled, boolean defaultInherit, Deployment deployment) {
        this.enabled = enabled;
        this.defaultInherit = defaultInherit;
        this.deployment = deployment;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The role of a function that declares {@code iamRoleStatements}.
     *
     * @param inherit  the function's {@code iamRoleStatementsInherit}, or null when not set
     * @param roleName the function's {@code iamRoleStatementsName}, or null
     */
    FunctionRole roleOf(String function, List<IamStatement> own, Boolean inherit, String roleName,
                        List<IamStatement> providerStatements, List<StreamEvent> streams) {
        List<IamStatement> statements = new ArrayList<>();
        if (Boolean.TRUE.equals(inherit) || (defaultInherit && !Boolean.FALSE.equals(inherit))) {
            statements.addAll(providerStatements);
        }
        statements.addAll(own);
        return new FunctionRole(roleName != null ? roleName : roleName(function), statements, readAccessTo(streams));
    }

    /**
     * Read access to each stream, one statement per stream type. The plugin adds it to a role of
     * the function's own; the Serverless Framework itself adds the same to the service's shared
     * role, for the stream events of the functions that run with it.
     */
    static List<IamStatement> readAccessTo(List<StreamEvent> streams) {
        List<IamStatement> forStreams = new ArrayList<>();
        for (String type : List.of("dynamodb", "kinesis")) {
            List<String> arns = streams.stream().filter(stream -> stream.type().equals(type)).map(StreamEvent::arn).toList();
            if (!arns.isEmpty()) {
                forStreams.add(new IamStatement("Allow", STREAM_ACTIONS.get(type), arns));
            }
        }
        return forStreams;
    }

    /**
     * The plugin's name for the role: {@code <service>-<stage>-<function>-<region>-lambdaRole},
     * without the {@code -lambdaRole} when that is too long. Since its 3.0.0 it measures the region
     * the framework resolved ({@code provider.region}, us-east-1 when serverless.yml names none), not
     * the text of the {@code AWS::Region} it sees, and refuses a name still too long, as here.
     */
    private String roleName(String function) {
        String[] parts = {deployment.service(), deployment.stage(), function};
        int length = String.join("-", parts).length() + 1 + deployment.region().length();
        boolean withSuffix = length + "-lambdaRole".length() <= MAX_ROLE_NAME;
        if (length > MAX_ROLE_NAME) {
            throw new IllegalArgumentException("the role name the " + PLUGIN + " plugin makes for function " + function
                    + " is over 64 characters: give the function an iamRoleStatementsName");
        }
        return String.join("-", parts) + "-" + deployment.region() + (withSuffix ? "-lambdaRole" : "");
    }
}
