package com.example.loadtest.report;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.StageResult;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark measured for one stage.
 *
 * @param stage          e.g. {@code step-4}
 * @param directory      e.g. {@code solutions/step-4-write-aside}
 * @param jarBytes       size of the shaded jar the functions run
 * @param coldStarts     every cold start of the cold rounds (one per function per round)
 * @param firstRequestMs per function: the client's view of each cold request (init + invocation + gateway)
 * @param warm           the measured warm run
 */
public record StageBenchmark(String stage, String directory, long jarBytes, List<ColdStart> coldStarts,
                             Map<String, List<Double>> firstRequestMs, StageResult warm) {
}
