package com.example.workshop.tools.check.steps;

import com.example.workshop.tools.check.StepLessons;
import java.util.List;

/** Step 1 is where everyone starts: nothing to write, only its tests to keep green. */
final class Step1LambdaDynamoDb {
    private Step1LambdaDynamoDb() {
    }

    static StepLessons lessons() {
        return new StepLessons(1, "Lambda and DynamoDB", "01-lambda-dynamodb.md", List.of());
    }
}
