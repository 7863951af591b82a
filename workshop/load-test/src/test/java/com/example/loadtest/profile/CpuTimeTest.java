package com.example.loadtest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void threadsAreCountedWithThePartOfTheLocalCloudTheyBelongTo() {
        assertEquals("API Gateway (Jetty)", CpuTime.group("api-gateway-12"));
        assertEquals("Runtime API (JDK HTTP server)", CpuTime.group("HTTP-Dispatcher"));
        assertEquals("Momento server and its proxy", CpuTime.group("grpc-default-worker-ELG-3-1"));
        assertEquals("Momento server and its proxy", CpuTime.group("momento-proxy-4-back"));
        assertEquals("Momento server and its proxy", CpuTime.group("local-momento-d")); // Linux keeps 15 characters
        assertEquals("load test's HTTP client", CpuTime.group("HttpClient-1-SelectorManager"));
        assertEquals(CpuTime.OTHER, CpuTime.group("Finalizer"));
    }

    @Test
    void aThreadThatEndsDoesNotHideTheWorkOfOthersInItsGroup() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CountDownLatch secondMayEnd = new CountDownLatch(1);
        CountDownLatch secondWorked = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            burn(200_000_000L);
            await(firstMayEnd);
        }, "api-gateway-first");
        first.start();
        while (first.getState() != Thread.State.WAITING) {
            Thread.sleep(5);
        }
        CpuTime before = CpuTime.now();
        firstMayEnd.countDown();
        first.join();
        Thread second = new Thread(() -> {
            burn(100_000_000L);
            secondWorked.countDown();
            await(secondMayEnd);
        }, "api-gateway-second");
        second.start();
        secondWorked.await();

        Map<String, Double> perRequest = CpuTime.now().since(before, 10);
        secondMayEnd.countDown();

        assertTrue(perRequest.get("API Gateway (Jetty)") >= 10,
                "the second thread's 100 ms, although the first (200 ms) ended: " + perRequest);
    }

    private static void burn(long nanos) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + nanos;
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + until);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void workDoneInThisJvmShowsUpPerRequest() {
        CpuTime before = CpuTime.now();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 100_000_000L; // 0.1 s of processor time on this thread
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + until);
        }
        Map<String, Double> perRequest = CpuTime.now().since(before, 10);
        double all = perRequest.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(all >= 10 && all < 1000, "at least 10 ms per request for 10 requests, got " + perRequest + " " + sum);
        assertTrue(perRequest.containsKey("environments' JVMs (function code, C1)"), perRequest.toString());
    }
}
