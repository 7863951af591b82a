package com.example.loadtest.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * Everything measured for one target.
 *
 * @param target        short name, e.g. {@code step-4}
 * @param description   where it ran
 * @param fanOutServed  whether it serves the fan-out read (if not, those planned requests were skipped)
 * @param seconds       how long the measured requests took
 * @param total         all endpoints together
 * @param allButFanOut  every endpoint but the fan-out read (equal to {@code total} where it was not sent)
 * @param endpoints     per endpoint
 * @param traffic       cache and DynamoDB counters during the measured requests; null when unavailable
 * @param trafficNote   why {@code traffic} is null, else null
 * @param coldStartsSeen whether the target could see its cold starts (a local cloud can)
 * @param coldStarts    every cold start, with the phase it happened in
 */
public record StageResult(String target, String description, boolean fanOutServed, double seconds,
                          EndpointStats total, EndpointStats allButFanOut, List<EndpointStats> endpoints,
                          Traffic traffic, String trafficNote, boolean coldStartsSeen, List<ColdStart> coldStarts) {

    @JsonProperty
    public double requestsPerSecond() {
        return seconds == 0 ? 0 : total.requests() / seconds;
    }

    public List<ColdStart> coldStartsIn(Phase phase) {
        return coldStarts.stream().filter(coldStart -> coldStart.phase() == phase).toList();
    }

    public Optional<EndpointStats> endpoint(String label) {
        return endpoints.stream().filter(stats -> stats.endpoint().equals(label)).findFirst();
    }
}
