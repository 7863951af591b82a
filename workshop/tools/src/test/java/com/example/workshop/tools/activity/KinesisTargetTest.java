package com.example.workshop.tools.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisTargetTest {

    /** A laptop's -Dhttp.proxyHost, with nothing answering there: the local Kinesis must be called directly. */
    @Test
    void theLocalCloudsKinesisIsCalledDirectlyWhateverProxyTheSystemPropertiesName() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        HttpServer localKinesis = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        localKinesis.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        localKinesis.start();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(deadPort));
        try (KinesisClient client = new KinesisTarget(URI.create("http://127.0.0.1:" + localKinesis.getAddress().getPort()),
                "activity", "us-east-1", "LOCALOPERATOR").client()) {
            catchThrowable(client::listStreams); // the stand-in answers 400 to everything

            assertThat(reached).as("requests that reached the local Kinesis").hasPositiveValue();
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
            localKinesis.stop(0);
        }
    }
}
