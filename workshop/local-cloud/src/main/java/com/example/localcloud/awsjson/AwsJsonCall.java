package com.example.localcloud.awsjson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * A call that has been read and validated, waiting for authorization: the IAM action and the
 * resource it needs, and the work to do once allowed (which may throw an {@link AwsServiceError}).
 *
 * @param action      e.g. {@code secretsmanager:GetSecretValue}
 * @param resourceArn the resource's ARN, or {@code *} for an action on no particular resource
 */
public record AwsJsonCall(String action, String resourceArn, Supplier<ObjectNode> run) {
}
