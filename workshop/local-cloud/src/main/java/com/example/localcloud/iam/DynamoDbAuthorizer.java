package com.example.localcloud.iam;

import java.util.List;
import java.util.Optional;

/**
 * IAM for the local DynamoDB in one call: works out the permissions a request needs
 * ({@link DynamoDbPermissions}), asks the {@link AccessCheck} for each, and on the first denial
 * gives the error DynamoDB would answer ({@link AwsError#forDynamoDb}).
 *
 * <pre>{@code
 * DynamoDbAuthorizer iam = new DynamoDbAuthorizer(functionPolicies, "us-east-1", "000000000000");
 * Optional<AwsError> refusal = iam.authorize(target, authorizationHeader, body);
 * // present: answer refusal.get().httpStatus(), contentType() and jsonBody() instead of running the call
 * }</pre>
 */
public final class DynamoDbAuthorizer {

    private final AccessCheck accessCheck;
    private final DynamoDbPermissions permissions;

    public DynamoDbAuthorizer(AccessCheck accessCheck, String defaultRegion, String accountId) {
        this.accessCheck = accessCheck;
        this.permissions = new DynamoDbPermissions(defaultRegion, accountId);
    }

    /** @return empty if the call may go ahead, else the error to answer instead */
    public Optional<AwsError> authorize(String target, String authorization, byte[] body) {
        Optional<SigV4Credential> credential = SigV4Credential.fromAuthorizationHeader(authorization);
        return authorizeSigned(target, credential.map(SigV4Credential::accessKeyId).orElse(null),
                credential.map(SigV4Credential::region).orElse(null), body);
    }

    /**
     * As {@link #authorize}, for a front that has already read the signature's credential scope.
     *
     * @param accessKeyId   {@code null} or empty if the request is not signed
     * @param signingRegion {@code null} or empty for the default region
     */
    public Optional<AwsError> authorizeSigned(String target, String accessKeyId, String signingRegion, byte[] body) {
        List<RequiredPermission> needed = permissions.requiredInRegion(target, signingRegion, body);
        if (needed.isEmpty()) {
            // Nothing to authorize (a malformed call DynamoDB will reject), but AWS still
            // authenticates the caller first.
            Decision decision = accessCheck.check(accessKeyId, "dynamodb:" + DynamoDbPermissions.operationOf(target), "*");
            return authenticationFailure(decision);
        }
        for (RequiredPermission permission : needed) {
            Decision decision = accessCheck.check(accessKeyId, permission.action(), permission.resourceArn());
            if (!decision.isAllowed()) {
                return Optional.of(AwsError.forDynamoDb(decision));
            }
        }
        return Optional.empty();
    }

    private static Optional<AwsError> authenticationFailure(Decision decision) {
        return switch (decision.outcome()) {
            case UNRECOGNIZED_CLIENT, MISSING_AUTHENTICATION -> Optional.of(AwsError.forDynamoDb(decision));
            default -> Optional.empty();
        };
    }
}
