package com.example.localcloud.iam;

/**
 * The question every local AWS front (DynamoDB, Secrets Manager) asks before it runs a call: may
 * the caller identified by this access key perform this action on this resource?
 *
 * <p>Fronts call it once per required permission, after they parsed the request and before they
 * execute anything; on a denial they answer with {@link AwsError#forDynamoDb} or {@link AwsError#forSecretsManager}.
 */
@FunctionalInterface
public interface AccessCheck {

    /**
     * @param accessKeyId the access key id from the request's SigV4 {@code Authorization} header,
     *                    or {@code null} if the request is not signed
     * @param action      the IAM action, e.g. {@code secretsmanager:GetSecretValue}
     * @param resourceArn the resource's ARN, or {@code *} for actions on no particular resource
     */
    Decision check(String accessKeyId, String action, String resourceArn);

    /** Lets everything through: for a local cloud started without IAM enforcement, and for tests. */
    static AccessCheck allowAll() {
        return (accessKeyId, action, resourceArn) -> Decision.allowed(null, action, resourceArn);
    }
}
