package com.example.localcloud.iam;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.FunctionRole;
import com.example.localcloud.config.IamStatement;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.lambda.FunctionCredentials;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * IAM as AWS applies it to a Serverless deployment: every function runs with its role (its own
 * with the roles-per-function plugin, else the service's shared one: see {@link FunctionRole}),
 * and each of its calls to DynamoDB, Secrets Manager and Kinesis is checked against it. The
 * operator ("you": tests, the load test, the AWS CLI) may do anything.
 */
public final class StagePolicies {
    /**
     * The access key of "you", the operator (tests, the load test, the AWS CLI): allowed
     * everything, like an administrator's own credentials in a real account.
     */
    public static final String OPERATOR_ACCESS_KEY_ID = "LOCALOPERATOR";

    private StagePolicies() {
    }

    /** The operator's credentials (the secret is never checked: see {@link SigV4Credential}). */
    public static AwsBasicCredentials operatorCredentials() {
        return AwsBasicCredentials.create(OPERATOR_ACCESS_KEY_ID, "local-operator-secret");
    }

    public static FunctionPolicies of(ServerlessConfig config, FunctionCredentials credentials) {
        FunctionPolicies.Builder policies = FunctionPolicies.builder(config.deployment().accountId());
        for (FunctionConfig function : config.functions()) {
            FunctionRole role = config.roleFor(function);
            List<PolicyStatement> statements;
            try {
                statements = role.all().stream().map(StagePolicies::toPolicyStatement).toList();
            } catch (PolicyException e) { // say where: the message alone names no file
                throw new PolicyException("serverless.yml, the IAM statements of functions." + function.name() + " (role "
                        + role.name() + "): " + e.getMessage());
            }
            policies.functionWithStatements(credentials.accessKeyId(function), function.deployedName(), role.name(), statements);
        }
        policies.unrestricted(OPERATOR_ACCESS_KEY_ID, "arn:aws:iam::" + config.deployment().accountId() + ":user/local-operator");
        return policies.build();
    }

    private static PolicyStatement toPolicyStatement(IamStatement statement) {
        return PolicyStatement.of(statement.effect(), statement.actions(), statement.resources());
    }
}
