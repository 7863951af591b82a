package com.example.localcloud.iam;

/**
 * One permission a request needs: an IAM action on a resource.
 *
 * @param action      e.g. {@code dynamodb:PutItem}
 * @param resourceArn e.g. {@code arn:aws:dynamodb:us-east-1:000000000000:table/accounts}, or {@code *}
 */
public record RequiredPermission(String action, String resourceArn) {
}
