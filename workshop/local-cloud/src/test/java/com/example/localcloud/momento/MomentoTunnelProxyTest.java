package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CONNECT proxy on its own, with a line-echo server standing in for the targets. */
class MomentoTunnelProxyTest {

    private ServerSocket echoServer;
    private MomentoTunnelProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread echo = new Thread(this::echoLines, "echo-server");
        echo.setDaemon(true);
        echo.start();
        // The echo server also plays the local Momento server, so routing shows in the counters.
        proxy = MomentoTunnelProxy.start("momento.local", echoAddress());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
    }

    @Test
    void tunnelsMomentoHostsToTheLocalServer() throws IOException {
        try (Socket socket = connectThroughProxy("cache.momento.local:443")) {
            BufferedReader in = reader(socket);
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            assertThat(in.readLine()).isEmpty();
            assertThat(roundTrip(socket, in, "hello")).isEqualTo("hello");
        }
        assertThat(proxy.momentoTunnels()).isEqualTo(1);
        assertThat(proxy.passThroughTunnels()).isZero();
    }

    @Test
    void passesOtherHostsThroughUnchanged() throws IOException {
        try (Socket socket = connectThroughProxy("127.0.0.1:" + echoServer.getLocalPort())) {
            BufferedReader in = reader(socket);
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            assertThat(in.readLine()).isEmpty();
            assertThat(roundTrip(socket, in, "through")).isEqualTo("through");
        }
        assertThat(proxy.passThroughTunnels()).isEqualTo(1);
        assertThat(proxy.momentoTunnels()).isZero();
    }

    @Test
    void anUnreachableTargetIsABadGateway() throws IOException {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        try (Socket socket = connectThroughProxy("127.0.0.1:" + closedPort)) {
            assertThat(reader(socket).readLine()).startsWith("HTTP/1.1 502");
        }
    }

    @Test
    void requestsOtherThanConnectAreRefused() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream()
                    .write("GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes());
            assertThat(reader(socket).readLine()).startsWith("HTTP/1.1 405");
        }
    }

    private Socket connectThroughProxy(String target) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        String request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String roundTrip(Socket socket, BufferedReader in, String line) throws IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return in.readLine();
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private InetSocketAddress echoAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), echoServer.getLocalPort());
    }

    private void echoLines() {
        while (!echoServer.isClosed()) {
            try {
                Socket socket = echoServer.accept();
                Thread worker = new Thread(() -> {
                    try (socket) {
                        BufferedReader in = reader(socket);
                        OutputStream out = socket.getOutputStream();
                        for (String line; (line = in.readLine()) != null; ) {
                            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // the test closed it
                    }
                });
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
