package com.example.localcloud;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.FunctionRole;
import com.example.localcloud.config.IamStatement;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.dynamodb.DynamoDbError;
import com.example.localcloud.dynamodb.DynamoDbRequestFilter;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.DynamoDbAuthorizer;
import com.example.localcloud.iam.FunctionPolicies;
import com.example.localcloud.iam.PolicyStatement;
import com.example.localcloud.lambda.FunctionCredentials;
import java.util.List;

/**
 * IAM as AWS applies it to a Serverless deployment: every function runs with its role (its own
 * with the roles-per-function plugin, else the service's shared one: see {@link FunctionRole}),
 * and each of its calls to DynamoDB, Secrets Manager and Kinesis is checked against it.
 */
final class StageIam {
    /**
     * The access key of "you", the operator (tests, the load test, the AWS CLI): allowed
     * everything, like an administrator's own credentials in a real account.
     */
    static final String OPERATOR_ACCESS_KEY_ID = "LOCALOPERATOR";

    private StageIam() {
    }

    static FunctionPolicies policies(ServerlessConfig config, FunctionCredentials credentials) {
        FunctionPolicies.Builder policies = FunctionPolicies.builder(config.deployment().accountId());
        for (FunctionConfig function : config.functions()) {
            FunctionRole role = config.roleFor(function);
            List<PolicyStatement> statements = role.all().stream()
                    .map(StageIam::toPolicyStatement)
                    .toList();
            policies.functionWithStatements(credentials.accessKeyId(function), function.deployedName(), role.name(), statements);
        }
        policies.unrestricted(OPERATOR_ACCESS_KEY_ID, "arn:aws:iam::" + config.deployment().accountId() + ":user/local-operator");
        return policies.build();
    }

    /** Refuses a DynamoDB call that the calling function's role does not allow, with AWS's error. */
    static DynamoDbRequestFilter dynamoDbFilter(ServerlessConfig config, AccessCheck iam) {
        DynamoDbAuthorizer authorizer = new DynamoDbAuthorizer(iam, config.deployment().region(), config.deployment().accountId());
        return call -> authorizer
                .authorizeSigned("DynamoDB_20120810." + call.operation(), call.accessKeyId(), call.region(), call.body())
                .map(error -> new DynamoDbError(error.httpStatus(), error.jsonBody()));
    }

    private static PolicyStatement toPolicyStatement(IamStatement statement) {
        return PolicyStatement.of(statement.effect(), statement.actions(), statement.resources());
    }
}
