package com.example.localcloud.lambda;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code Lambda-Runtime-Trace-Id} values as X-Ray writes them:
 * {@code Root=1-<epoch seconds, 8 hex digits>-<24 hex digits>;Parent=<16 hex digits>;Sampled=0}.
 * Not sampled: there is no local X-Ray.
 */
final class TraceIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    static String newTraceId() {
        return "Root=1-" + String.format("%08x", System.currentTimeMillis() / 1000) + "-" + randomHex(12)
                + ";Parent=" + randomHex(8) + ";Sampled=0";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }
}
