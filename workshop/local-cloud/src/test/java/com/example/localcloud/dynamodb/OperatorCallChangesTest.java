package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which operator calls ({@code POST /_local/dynamodb/{Operation}}) the live dashboard marks as a change. */
class OperatorCallChangesTest {

    @ParameterizedTest
    @ValueSource(strings = {"GetItem", "BatchGetItem", "TransactGetItems", "Query", "Scan", "DescribeTable", "ListTables"})
    void aReadChangesNothing(String operation) {
        assertThat(DynamoDbService.operationChangesData(operation)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems", "ExecuteStatement"})
    void aWriteIsAChange(String operation) {
        assertThat(DynamoDbService.operationChangesData(operation)).isTrue();
    }
}
