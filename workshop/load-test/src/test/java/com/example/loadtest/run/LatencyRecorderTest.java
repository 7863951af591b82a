package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.example.loadtest.plan.Endpoint;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreHdrHistogramsAnswerForTheRecordedValues() {
        LatencyRecorder recorder = new LatencyRecorder();
        Histogram expected = new Histogram(1, LatencyRecorder.HIGHEST_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
        Random random = new Random(7);
        long sum = 0;
        for (int i = 0; i < 5_000; i++) {
            long micros = 500 + random.nextInt(20_000); // 0.5 to 20.5 ms
            recorder.success(Endpoint.GET_USER, 200, micros);
            expected.recordValue(micros);
            sum += micros;
        }
        recorder.success(Endpoint.GET_USER, 200, 1_234_567); // one slow outlier, not on a bucket boundary
        expected.recordValue(1_234_567);
        sum += 1_234_567;

        EndpointStats stats = recorder.perEndpoint().get(0);

        assertThat(stats.requests()).isEqualTo(5_001);
        assertThat(stats.p50Ms()).isEqualTo(expected.getValueAtPercentile(50) / 1000.0);
        assertThat(stats.p90Ms()).isEqualTo(expected.getValueAtPercentile(90) / 1000.0);
        assertThat(stats.p99Ms()).isEqualTo(expected.getValueAtPercentile(99) / 1000.0);
        assertThat(stats.p999Ms()).isEqualTo(expected.getValueAtPercentile(99.9) / 1000.0);
        assertThat(stats.maxMs()).isEqualTo(1234.567); // exact, not HdrHistogram's bucket edge
        assertThat(stats.avgMs()).isEqualTo((double) sum / 5_001 / 1000.0);
    }

    @Test
    void noPercentileLiesAboveTheExactMaximum() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.success(Endpoint.GET_USER, 200, 253_770); // HdrHistogram's bucket for it ends at 253,823

        EndpointStats stats = recorder.perEndpoint().get(0);

        assertThat(stats.maxMs()).isEqualTo(253.77);
        assertThat(stats.p999Ms()).isEqualTo(253.77);
        assertThat(stats.p50Ms()).isEqualTo(253.77);
    }

    @Test
    void knownLatenciesGiveKnownPercentiles() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            recorder.success(Endpoint.GET_ORGANIZATION, 200, ms * 1000L);
        }

        EndpointStats stats = recorder.perEndpoint().get(0);

        // HdrHistogram keeps 3 significant digits: a percentile is the recorded value to within 0.1 %.
        assertThat(stats.p50Ms()).isCloseTo(50.0, withinPercentage(0.1));
        assertThat(stats.p90Ms()).isCloseTo(90.0, withinPercentage(0.1));
        assertThat(stats.p99Ms()).isCloseTo(99.0, withinPercentage(0.1));
        assertThat(stats.maxMs()).isEqualTo(100.0);
        assertThat(stats.avgMs()).isEqualTo(50.5);
    }

    @Test
    void countsRequestsErrorsSkippedAndStatusesPerEndpoint() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.success(Endpoint.GET_USER, 200, 1000);
        recorder.success(Endpoint.GET_USER, 200, 3000);
        recorder.error(Endpoint.GET_USER, 500, "GET /users/a got 500");
        recorder.error(Endpoint.GET_MEMBERSHIP, null, "no answer");
        recorder.skipped(Endpoint.LIST_MEMBERS);
        recorder.skipped(Endpoint.LIST_MEMBERS);

        assertThat(recorder.perEndpoint()).extracting(EndpointStats::endpoint, EndpointStats::requests,
                        EndpointStats::errors, EndpointStats::skipped)
                .containsExactly(
                        tuple("GET /users/{username}", 3L, 1L, 0L),
                        tuple("GET /organizations/{organization}/members/{username}", 1L, 1L, 0L),
                        tuple("GET /organizations/{organization}/members", 0L, 0L, 2L));
        EndpointStats users = recorder.perEndpoint().get(0);
        assertThat(users.statuses()).containsEntry("200", 2L).containsEntry("500", 1L);
        assertThat(users.avgMs()).isEqualTo(2.0); // errors are counted, not timed
        assertThat(users.errorSamples()).containsExactly("GET /users/a got 500");
        assertThat(recorder.requests()).isEqualTo(4);
        assertThat(recorder.handled()).isEqualTo(6);
        assertThat(recorder.errors()).isEqualTo(2);
    }

    @Test
    void theTotalHoldsEveryEndpointAndCanLeaveTheFanOutOut() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.success(Endpoint.GET_USER, 200, 2000);
        recorder.success(Endpoint.LIST_MEMBERS, 200, 40_000);
        recorder.error(Endpoint.CREATE_USER, 409, "conflict");

        EndpointStats all = recorder.total();
        EndpointStats withoutFanOut = recorder.total(EndpointStats.ALL_BUT_FAN_OUT, endpoint -> !endpoint.isFanOut());

        assertThat(all.requests()).isEqualTo(3);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.maxMs()).isEqualTo(40.0);
        assertThat(all.avgMs()).isEqualTo(21.0);
        assertThat(withoutFanOut.endpoint()).isEqualTo("all but fan-out");
        assertThat(withoutFanOut.requests()).isEqualTo(2);
        assertThat(withoutFanOut.maxMs()).isEqualTo(2.0);
    }

    @Test
    void keepsOnlyTheFirstFewErrorMessages() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 20; i++) {
            recorder.error(Endpoint.GET_USER, 500, "error " + i);
        }

        assertThat(recorder.total().errors()).isEqualTo(20);
        assertThat(recorder.total().errorSamples()).hasSize(5).startsWith("error 0");
    }

    @Test
    void anEmptyRecorderReportsZeros() {
        EndpointStats all = new LatencyRecorder().total();

        assertThat(all.requests()).isZero();
        assertThat(all.p99Ms()).isZero();
        assertThat(all.avgMs()).isZero();
    }
}
