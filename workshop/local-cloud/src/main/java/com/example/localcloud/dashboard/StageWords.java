package com.example.localcloud.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What each workshop stage caches, in words the room reads off the projector. */
public final class StageWords {

    private static final Pattern STEP = Pattern.compile("step-\\d(?![0-9])");
    private static final Map<String, String> CACHES = Map.of(
            "step-1", "No cache: every read goes to DynamoDB",
            "step-2", "Momento client ready, nothing cached yet: every read goes to DynamoDB",
            "step-3", "Read-aside: reads try Momento first, DynamoDB only on a miss",
            "step-4", "Write-aside: reads try Momento first, and every write updates the cache",
            "step-5", "Write-aside, plus member lists whose N user reads go to the cache all at once",
            "step-6", "Write-aside, plus the table's stream refreshes the cache after any writer",
            "step-7", "Write-aside and stream cacher, plus activity events enriched through the cache");

    private StageWords() {
    }

    /**
     * E.g. "Read-aside: ..." for step-3 (or its folder, step-3-read-aside); for a stage it does not
     * know (a working copy), a neutral line.
     */
    public static String caches(String stage) {
        Matcher step = STEP.matcher(stage);
        return CACHES.getOrDefault(step.lookingAt() ? step.group() : stage, "Your code, as it is now");
    }
}
