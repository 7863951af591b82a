package com.example.loadtest.report;

/**
 * How a benchmark was made.
 *
 * @param date       ISO-8601 with offset
 * @param coldRounds fresh local clouds per stage for the cold starts
 * @param simulatedDelays network time added to DynamoDB and Momento calls, or "none"
 */
public record BenchmarkRun(String date, MachineInfo machine, String arguments, int coldRounds, int concurrency,
                           long requests, int warmUp, long seed, String data, String simulatedDelays) {
}
