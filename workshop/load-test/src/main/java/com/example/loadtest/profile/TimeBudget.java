package com.example.loadtest.profile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where the time of one kind of warm request goes, hop by hop, over many requests made one at a
 * time. Each hop is the difference of two nested measurements of the same request:
 * <pre>
 *   client      the whole request, as the HTTP client saw it
 *   ⊃ gateway   the local API Gateway, from reading the request to handing back the response
 *   ⊃ invoke    its Lambda invocation (an environment found, the Runtime API both ways)
 *   ⊃ duration  the REPORT's Duration (the runtime has the event until it posts the result)
 *   ⊃ handler   the handler's own code, the SDK calls it makes included
 *   ⊃ SDK calls what of it the handler spent waiting for its SDK calls (the SDK, the network, the service)
 * </pre>
 * so the handler's own code is the handler minus its SDK calls. The services' own time (DynamoDB
 * Local, the Momento server, simulated delays included) is measured inside them per call, so only
 * its mean per request is known.
 */
public final class TimeBudget {

    /** The hops, in the order a request meets them. */
    public enum Hop {
        HTTP("HTTP client and server (loopback, Jetty)"),
        GATEWAY("API Gateway: route, proxy event, response mapping"),
        LAMBDA("Lambda: environment, Runtime API both ways"),
        RUNTIME("runtime in the environment: event in, result out"),
        HANDLER("handler, its SDK calls included"),
        SDK_CALLS("- its SDK calls, as it waited for them (SDK, network, service)"),
        HANDLER_OWN("- its own code (the handler minus its SDK calls)"),
        TOTAL("the whole request (client)");

        private final String description;

        Hop(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<Hop, Histogram> hops = new LinkedHashMap<>();
    private final Histogram outsideHandler = histogram();
    private long requests;
    private long withoutHandlerTime;

    public TimeBudget() {
        for (Hop hop : Hop.values()) {
            hops.put(hop, histogram());
        }
    }

    /** One request's nested measurements, in milliseconds; {@code handlerMs} null when the runtime did not say. */
    public void add(double clientMs, double gatewayMs, double invokeMs, double durationMs, Double handlerMs) {
        add(clientMs, gatewayMs, invokeMs, durationMs, handlerMs, null);
    }

    /** The same, with the handler's time in SDK calls; {@code sdkCallsMs} null when not measured. */
    public void add(double clientMs, double gatewayMs, double invokeMs, double durationMs, Double handlerMs, Double sdkCallsMs) {
        requests++;
        record(Hop.HTTP, clientMs - gatewayMs);
        record(Hop.GATEWAY, gatewayMs - invokeMs);
        record(Hop.LAMBDA, invokeMs - durationMs);
        record(Hop.TOTAL, clientMs);
        outsideHandler.recordValue(micros(clientMs - durationMs));
        if (handlerMs == null) {
            withoutHandlerTime++;
            return;
        }
        record(Hop.RUNTIME, durationMs - handlerMs);
        record(Hop.HANDLER, handlerMs);
        if (sdkCallsMs != null) {
            record(Hop.SDK_CALLS, sdkCallsMs);
            record(Hop.HANDLER_OWN, handlerMs - sdkCallsMs);
        }
    }

    public long requests() {
        return requests;
    }

    /** Requests whose runtime did not report the handler's time (not the local bootstrap). */
    public long withoutHandlerTime() {
        return withoutHandlerTime;
    }

    public double p50(Hop hop) {
        return percentile(hops.get(hop), 50);
    }

    public double p99(Hop hop) {
        return percentile(hops.get(hop), 99);
    }

    public double mean(Hop hop) {
        Histogram histogram = hops.get(hop);
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
    }

    /** Everything outside the function's Duration: what the local cloud and the HTTP client add (the target is ≤ 0.5 ms). */
    public double localOverheadP50() {
        return percentile(outsideHandler, 50);
    }

    public double localOverheadP99() {
        return percentile(outsideHandler, 99);
    }

    private void record(Hop hop, double millis) {
        hops.get(hop).recordValue(micros(millis));
    }

    private static final long HIGHEST_MICROS = 60_000_000L; // a minute, in microseconds

    static long micros(double millis) {
        // clocks of two measurements may differ by a hair; a hop longer than the histogram's minute is counted as a minute
        return Math.min(Math.max(0, Math.round(millis * 1000)), HIGHEST_MICROS);
    }

    static double percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** For a hop's (or a warm-up block's) milliseconds, kept as microseconds. */
    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** E.g. {@code 0.42}; {@code -} when nothing was measured. */
    public static String format(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.2f", millis);
    }
}
