package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.dynamodb.DynamoDbFaults.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynamoDbFaultsTest {
    private static final DynamoDbCall GET = new DynamoDbCall("GetItem", "LOCALgetUser", "us-east-1", "{}".getBytes(StandardCharsets.UTF_8));
    private static final DynamoDbCall PUT = new DynamoDbCall("PutItem", "LOCALcreateUser", "us-east-1", "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCountedFaultHitsOnlyItsOperationThatManyTimes() {
        DynamoDbFaults faults = new DynamoDbFaults();
        faults.add("GetItem", Kind.THROTTLING, 2);

        assertThat(faults.check(PUT)).isEmpty();
        assertThat(faults.check(GET)).isPresent();
        assertThat(faults.check(GET)).hasValueSatisfying(error -> assertThat(new String(error.jsonBody(), StandardCharsets.UTF_8))
                .contains("ProvisionedThroughputExceededException"));
        assertThat(faults.check(GET)).isEmpty();
    }

    @Test
    void anUncountedFaultLastsUntilCleared() {
        DynamoDbFaults faults = new DynamoDbFaults();
        faults.add("PutItem", Kind.SERVER_ERROR, -1);

        for (int i = 0; i < 5; i++) {
            assertThat(faults.check(PUT)).hasValueSatisfying(error -> assertThat(error.httpStatus()).isEqualTo(500));
        }
        faults.clear();
        assertThat(faults.check(PUT)).isEmpty();
    }

    @Test
    void faultsComeAfterTheFilterBeforeThem() {
        DynamoDbFaults faults = new DynamoDbFaults();
        faults.add("GetItem", Kind.SERVER_ERROR, -1);
        DynamoDbRequestFilter denyAll = call -> java.util.Optional.of(DynamoDbError.accessDenied("no"));

        assertThat(DynamoDbFaults.inOrder(denyAll, faults).check(GET))
                .hasValueSatisfying(error -> assertThat(new String(error.jsonBody(), StandardCharsets.UTF_8)).contains("AccessDenied"));
        assertThat(DynamoDbFaults.inOrder(DynamoDbRequestFilter.ALLOW_ALL, faults).check(GET))
                .hasValueSatisfying(error -> assertThat(error.httpStatus()).isEqualTo(500));
    }
}
