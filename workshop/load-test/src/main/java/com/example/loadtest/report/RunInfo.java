package com.example.loadtest.report;

import java.util.Map;

/**
 * How a run was made, written beside its results so they can be reproduced and compared.
 *
 * @param date            ISO-8601 with offset, when the run started
 * @param arguments       the command line as given
 * @param durationSeconds the time bound, or null when bounded by {@code requests}
 * @param namespace       prefix of every created name ("" for none)
 * @param data            what was seeded, e.g. {@code 200 users, 20 organizations, 320 memberships}
 * @param mix             relative weight of each kind of request
 * @param fanOutInMix     whether fan-out reads were planned (some target serves them)
 * @param simulatedDelays network time added to the local clouds' DynamoDB and Momento calls, or "none"
 */
public record RunInfo(String date, MachineInfo machine, String arguments, int concurrency, long requests,
                      Double durationSeconds, int warmUp, long seed, String namespace, String data,
                      Map<String, Integer> mix, boolean fanOutInMix, String simulatedDelays) {
}
