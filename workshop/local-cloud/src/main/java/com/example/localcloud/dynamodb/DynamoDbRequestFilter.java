package com.example.localcloud.dynamodb;

import java.util.Optional;

/**
 * Looks at each DynamoDB call before DynamoDB Local runs it, and may refuse it. This is where
 * IAM enforcement plugs in: the access key id tells which function calls, and the call names the
 * action and tables.
 */
@FunctionalInterface
public interface DynamoDbRequestFilter {

    /** Lets every call through. */
    DynamoDbRequestFilter ALLOW_ALL = call -> Optional.empty();

    /** @return empty to let the call through, or the error to answer instead */
    Optional<DynamoDbError> check(DynamoDbCall call);
}
