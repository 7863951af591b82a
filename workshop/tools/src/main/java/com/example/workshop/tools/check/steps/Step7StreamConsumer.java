package com.example.workshop.tools.check.steps;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.StepLessons;
import java.util.List;

/** Step 7: a Kinesis consumer enriches activity events through read-aside and records each once. */
final class Step7StreamConsumer {
    private Step7StreamConsumer() {
    }

    static StepLessons lessons() {
        return new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(
                Lesson.testedOnly("each event is recorded with its user and organization, looked up through the cache",
                        "ActivityConsumer.java",
                        "ActivityConsumerHandlerTest.anEventIsRecordedWithTheUserAndTheOrganization",
                        "ActivityConsumerHandlerTest.anOrganizationIsLookedUpByItsSlugAsInTheApi",
                        "ActivityConsumerHandlerTest.theFirstLookupOfEachNameMissesAndTheRestAreCacheHits"),
                Lesson.testedOnly("a second delivery records each event once",
                        "ActivityRepository.java",
                        "ActivityConsumerHandlerTest.aSecondDeliveryOfTheSameBatchRecordsEachEventOnce"),
                Lesson.testedOnly("bad records are never retried; a DynamoDB failure stops the batch at that record",
                        "ActivityConsumerHandler.java",
                        "ActivityConsumerHandlerTest.anUnknownUserOrOrganizationIsRecordedAsNotFoundAndNotRetried",
                        "ActivityConsumerHandlerTest.aRecordWithoutDataIsMalformed",
                        "ActivityConsumerHandlerTest.aMalformedRecordIsSkippedAndTheRestOfTheBatchRecorded",
                        "ActivityConsumerHandlerTest.aDynamoDbFailureStopsTheBatchAtThatRecordAndLambdaRetriesFromIt",
                        "ActivityRecordPropertyTest"),
                Lesson.testedOnly("a failing cache never fails a record that DynamoDB can answer",
                        "ActivityConsumer.java",
                        "ActivityConsumerHandlerTest.aFailingCacheDoesNotFailTheRecordDynamoDbAnswers",
                        "ActivityConsumerHandlerTest.withoutACacheClientEveryLookupIsADatabaseRead"),
                Lesson.testedOnly("one log line per batch says how many lookups the cache answered",
                        "ActivityConsumerHandler.java",
                        "ActivityConsumerHandlerTest.theLogLineSaysHowManyLookupsTheCacheAnswered",
                        "ActivityConsumerHandlerTest.eachBatchLogsItsSummaryOnce")),
                // Plumbing, not the lesson: the event's JSON parsing and validation, and the enriched record.
                List.of("src/main/java/com/example/accounts/model/ActivityEvent.java",
                        "src/main/java/com/example/accounts/model/EnrichedActivity.java"));
    }
}
