package com.example.loadtest.profile;

import com.example.localcloud.service.CallTimer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local services' own time during a run, per service: calls and milliseconds per request. */
public record ServiceTimes(Map<String, CallTimer.Totals> perService, long requests) {

    /** What happened between two snapshots of {@code LocalCloud.serviceCallTimes()}. */
    public static ServiceTimes between(Map<String, CallTimer.Totals> before, Map<String, CallTimer.Totals> after, long requests) {
        Map<String, CallTimer.Totals> delta = new LinkedHashMap<>();
        after.forEach((service, totals) -> {
            CallTimer.Totals difference = totals.minus(before.getOrDefault(service, CallTimer.Totals.ZERO));
            if (difference.calls() > 0) {
                delta.put(service, difference);
            }
        });
        return new ServiceTimes(delta, requests);
    }

    public double callsPerRequest(String service) {
        return perService.getOrDefault(service, CallTimer.Totals.ZERO).calls() / (double) requests;
    }

    public double millisPerRequest(String service) {
        return perService.getOrDefault(service, CallTimer.Totals.ZERO).millis() / requests;
    }

    public double totalMillisPerRequest() {
        return perService.keySet().stream().mapToDouble(this::millisPerRequest).sum();
    }
}
