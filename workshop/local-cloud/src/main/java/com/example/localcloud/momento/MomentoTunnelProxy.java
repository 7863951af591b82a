package com.example.localcloud.momento;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP CONNECT proxy on loopback that sends {@code *.momento.local:443} to the local Momento
 * server's TLS port and tunnels every other host:port to where it asked to go.
 *
 * <p>Why a proxy: an unchanged Momento SDK given a key for {@code momento.local} dials
 * {@code cache.momento.local:443}, a name no DNS knows. gRPC asks the JVM's ProxySelector before
 * resolving a name, so an environment JVM started with {@code -Dhttps.proxyHost/-Dhttps.proxyPort}
 * sends "CONNECT cache.momento.local:443" here, and TLS then runs end to end between the SDK and
 * the local server (this proxy only copies bytes). Everything else that uses the https proxy
 * properties (e.g. the AWS SDK calling real AWS) passes through unchanged.
 *
 * <p>Each tunnel uses two threads (one per direction; Java 17 has no virtual threads) and sets
 * TCP_NODELAY on both sockets: without it Nagle's algorithm and delayed ACKs added about 40 ms to
 * small request/response exchanges.
 */
public final class MomentoTunnelProxy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MomentoTunnelProxy.class.getName());
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int HEADER_TIMEOUT_MILLIS = 10_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int MOMENTO_PORT = 443;

    private final String domain;
    private final InetSocketAddress momentoServer;
    private final ServerSocket serverSocket;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final AtomicLong momentoTunnels = new AtomicLong();
    private final AtomicLong passThroughTunnels = new AtomicLong();
    private final Thread acceptor;
    private volatile Duration connectDelay = Duration.ZERO;
    private volatile boolean closed;

    private MomentoTunnelProxy(String domain, InetSocketAddress momentoServer, ServerSocket socket) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.momentoServer = momentoServer;
        this.serverSocket = socket;
        this.acceptor = daemon("momento-proxy-accept", this::acceptLoop);
    }

    /**
     * Starts the proxy on 127.0.0.1 and an ephemeral port.
     *
     * @param domain hosts equal to it or ending in "." + it, on port 443, go to {@code momentoServer}
     * @param momentoServer the local Momento server's TLS address
     */
    public static MomentoTunnelProxy start(String domain, InetSocketAddress momentoServer)
            throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        MomentoTunnelProxy proxy = new MomentoTunnelProxy(domain, momentoServer, socket);
        proxy.acceptor.start();
        return proxy;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Tunnels opened to the local Momento server so far. */
    public long momentoTunnels() {
        return momentoTunnels.get();
    }

    /**
     * Holds every new tunnel to Momento this long before it connects: a slow network or a busy
     * host at a cold start, which the client's connect timeout must cope with. Zero turns it off.
     */
    public void delayConnections(Duration delay) {
        connectDelay = delay;
    }

    public Duration connectDelay() {
        return connectDelay;
    }

    /** Tunnels opened to any other host so far. */
    public long passThroughTunnels() {
        return passThroughTunnels.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        openSockets.forEach(MomentoTunnelProxy::closeQuietly);
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = serverSocket.accept();
                daemon("momento-proxy-" + threadNumber.incrementAndGet(), () -> serve(client)).start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "Proxy accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = new Socket();
        openSockets.add(client);
        openSockets.add(upstream);
        boolean tunnelling = false;
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(HEADER_TIMEOUT_MILLIS);
            // Buffered: if the client sends bytes right after its header, they stay in this stream.
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();

            String requestLine = readHeader(fromClient);
            String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
            if (parts.length != 3 || !parts[0].equals("CONNECT")) {
                reply(toClient, "405 Method Not Allowed", "This proxy only tunnels (HTTP CONNECT)");
                return;
            }
            Route route = route(parts[1]);
            if (route == null) {
                reply(toClient, "400 Bad Request", "Expected CONNECT host:port");
                return;
            }
            upstream.setTcpNoDelay(true);
            if (route.toMomento() && !connectDelay.isZero()) {
                sleep(connectDelay);
            }
            try {
                upstream.connect(route.address(), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                reply(toClient, "502 Bad Gateway", "Cannot reach " + parts[1] + ": " + e.getMessage());
                return;
            }
            (route.toMomento() ? momentoTunnels : passThroughTunnels).incrementAndGet();
            client.setSoTimeout(0);
            toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toClient.flush();

            Tunnel tunnel = new Tunnel(client, upstream);
            tunnelling = true; // from here on the tunnel closes both sockets
            InputStream fromUpstream = upstream.getInputStream();
            OutputStream toUpstream = upstream.getOutputStream();
            String name = Thread.currentThread().getName();
            daemon(name + "-back", () -> tunnel.pump(fromUpstream, toClient, client)).start();
            tunnel.pump(fromClient, toUpstream, upstream); // this thread carries client -> upstream
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "Proxy connection failed", e);
            }
        } finally {
            if (!tunnelling) {
                closeQuietly(client);
                closeQuietly(upstream);
                openSockets.remove(client);
                openSockets.remove(upstream);
            }
        }
    }

    private static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying a connection", e);
        }
    }

    private record Route(InetSocketAddress address, boolean toMomento) {}

    /** Where a CONNECT target goes: the local Momento server, or unchanged. Null if malformed. */
    private Route route(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (port == MOMENTO_PORT && (lower.equals(domain) || lower.endsWith("." + domain))) {
            return new Route(momentoServer, true);
        }
        return new Route(new InetSocketAddress(host, port), false);
    }

    /** One tunnel: closes both sockets once both directions have ended (or one failed). */
    private final class Tunnel {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger directionsDone = new AtomicInteger();

        Tunnel(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(InputStream from, OutputStream to, Socket toSocket) {
            try {
                from.transferTo(to);
                toSocket.shutdownOutput(); // pass the end of stream on (half close)
                finishOne();
            } catch (IOException e) {
                closeBoth(); // a reset or a closed socket: end the tunnel in both directions
            }
        }

        private void finishOne() {
            if (directionsDone.incrementAndGet() == 2) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
            openSockets.remove(client);
            openSockets.remove(upstream);
        }
    }

    /** Reads the request line and headers up to the blank line; returns the request line. */
    private static String readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int matched = 0; // how much of "\r\n\r\n" we have seen
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || header.size() >= MAX_HEADER_BYTES) {
                return null;
            }
            header.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = header.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static void reply(OutputStream out, String status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 "
                        + status
                        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                        + body.length
                        + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }
}
