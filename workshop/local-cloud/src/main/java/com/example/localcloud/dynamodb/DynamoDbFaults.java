package com.example.localcloud.dynamodb;

import com.example.localcloud.faults.OperationFaults;
import java.util.Optional;

/**
 * Makes chosen DynamoDB operations fail, for reliability tests and demos: throttling
 * ({@code ProvisionedThroughputExceededException}, which the AWS SDK retries) or a server error
 * ({@code InternalServerError}), for the next N calls or until cleared; or a delay on every call.
 * Runs after IAM, so a refused call is never counted as a fault.
 */
public final class DynamoDbFaults extends OperationFaults<DynamoDbFaults.Kind> implements DynamoDbRequestFilter {

    /** The errors a fault can answer with, in DynamoDB's JSON protocol. */
    public enum Kind {
        THROTTLING(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."),
        SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");

        private final int httpStatus;
        private final String type;
        private final String message;

        Kind(int httpStatus, String type, String message) {
            this.httpStatus = httpStatus;
            this.type = type;
            this.message = message;
        }
    }

    @Override
    public Optional<DynamoDbError> check(DynamoDbCall call) {
        return take(call.operation()).map(kind -> DynamoDbError.of(kind.httpStatus, kind.type, kind.message));
    }

    /** First {@code first}, and only if it lets the call through, {@code then}. */
    public static DynamoDbRequestFilter inOrder(DynamoDbRequestFilter first, DynamoDbRequestFilter then) {
        return call -> first.check(call).or(() -> then.check(call));
    }
}
