package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step 7's consumer: what its own statements allow beyond what it needs. */
class ConsumerGrantsTest {

    private static List<String> consumerWith(String... statements) {
        List<String> yml = new ArrayList<>(List.of("functions:", "  activityConsumer:", "    iamRoleStatements:"));
        yml.addAll(List.of(statements));
        return yml;
    }

    @Test
    void theFinishedStepsStatementsAreWhatItNeeds() throws Exception {
        List<String> finished = Files.readAllLines(Path.of("../../solutions/step-7-stream-consumer/serverless.yml"));

        assertThat(ConsumerGrants.beyondItsNeeds(finished)).isEmpty();
    }

    @Test
    void readingAndWritingBothTablesIsTwoGrantsTooMany() {
        List<String> both = consumerWith("      - Effect: Allow", "        Action:", "          - dynamodb:GetItem",
                "          - dynamodb:PutItem", "        Resource:", "          - !GetAtt AccountsTable.Arn",
                "          - !GetAtt ActivityTable.Arn");

        assertThat(ConsumerGrants.beyondItsNeeds(both)).satisfiesExactly(
                read -> assertThat(read).startsWith("dynamodb:GetItem on the activity table: the consumer never reads it"),
                write -> assertThat(write).startsWith("dynamodb:PutItem on the accounts table"));
    }

    @Test
    void wildcardsAndTheSequenceFormOfGetAttAreRead() {
        List<String> wide = consumerWith("      - Effect: Allow", "        Action: dynamodb:*", "        Resource: '*'",
                "      - Effect: Allow", "        Action: dynamodb:UpdateItem", "        Resource: !GetAtt [AccountsTable, Arn]");

        assertThat(ConsumerGrants.beyondItsNeeds(wide)).hasSize(2)
                .anySatisfy(grant -> assertThat(grant).startsWith("dynamodb:*: every DynamoDB action"))
                .anySatisfy(grant -> assertThat(grant).startsWith("dynamodb:UpdateItem on the accounts table"));
    }

    @Test
    void aDenyAndTheKinesisActionsAreNoGrantTooMany() {
        List<String> fine = consumerWith("      - Effect: Deny", "        Action: dynamodb:*", "        Resource: '*'",
                "      - Effect: Allow", "        Action:", "          - kinesis:DescribeStreamSummary",
                "          - kinesis:ListShards", "        Resource: !GetAtt ActivityStream.Arn");

        assertThat(ConsumerGrants.beyondItsNeeds(fine)).isEmpty();
        assertThat(ConsumerGrants.beyondItsNeeds(List.of("functions: [not, a, mapping"))).as("not YAML: said elsewhere").isEmpty();
    }
}
