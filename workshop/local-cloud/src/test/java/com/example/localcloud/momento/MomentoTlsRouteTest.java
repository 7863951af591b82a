package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The route an environment JVM takes, end to end: a child JVM with only {@link
 * LocalMomento#envJvmArgs()} added runs unchanged SDK code ({@code fromString(key)}, TLS to
 * cache.momento.local:443). No DNS knows that name, so success means the proxy and the trust
 * store did their job.
 */
class MomentoTlsRouteTest {

    private static final String CACHE = "tls-route";

    private static LocalMomento momento;

    @BeforeAll
    static void startMomento() throws IOException {
        momento = LocalMomento.start();
        momento.createCache(CACHE);
    }

    @AfterAll
    static void stopMomento() {
        if (momento != null) {
            momento.close();
        }
    }

    @Test
    void anUnchangedSdkInAnotherJvmReachesTheLocalServerThroughProxyAndTls() throws Exception {
        String output = runClientJvm(momento.apiKey());

        assertThat(output).contains("SET Success", "GET Hit hello through TLS");
        assertThat(momento.stats().cache(CACHE).sets()).isEqualTo(1);
        assertThat(momento.stats().cache(CACHE).hits()).isEqualTo(1);
        assertThat(momento.proxy().momentoTunnels()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongKeyThroughTlsIsTheSdksAuthenticationError() throws Exception {
        String wrongKey = MomentoApiKey.generate(LocalMomento.ENDPOINT).v1Token();

        String output = runClientJvm(wrongKey);

        assertThat(output).contains("SET Error AuthenticationException");
    }

    private static String runClientJvm(String apiKey) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; this JVM only makes two calls
        command.addAll(momento.envJvmArgs());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TlsClientMain.class.getName());
        command.add(CACHE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MOMENTO_API_KEY", apiKey);

        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("child JVM finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("child JVM exit code; output:%n%s", output).isZero();
        return output;
    }
}
