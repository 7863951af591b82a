package com.example.workshop.tools.check.steps;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.StepLessons;
import java.util.List;

/** Step 6: a function on the table's DynamoDB stream keeps the cache in step with every change. */
final class Step6StreamCacher {
    private Step6StreamCacher() {
    }

    static StepLessons lessons() {
        return new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(
                Lesson.testedOnly("an inserted or modified item is cached as the read path reads it",
                        "StreamCacher.java",
                        "StreamCacherHandlerTest.anInsertedUserIsCachedAsTheReadPathReadsIt",
                        "StreamCacherHandlerTest.aModifiedUserReplacesTheCachedOne",
                        "StreamCacherHandlerTest.insertedAndModifiedOrganizationsAndMembershipsAreCached"),
                Lesson.testedOnly("a removed item leaves the cache; an unknown or incomplete one is never cached",
                        "StreamCacher.java",
                        "StreamCacherHandlerTest.aRemovedItemOfEachKindLeavesTheCache",
                        "StreamCacherHandlerTest.anItemOfAnUnknownKindIsIgnored",
                        "StreamCacherHandlerTest.anIncompleteItemIsRemovedRatherThanCached"),
                Lesson.testedOnly("a failed cache write is reported, so Lambda retries from that record",
                        "StreamCacherHandler.java",
                        "StreamCacherHandlerTest.aFailingCacheWriteIsReportedWithItsSequenceNumberAndStopsTheBatch",
                        "StreamCacherHandlerTest.aFailingCacheDeleteIsReported")));
    }
}
