package com.example.localcloud.momento;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system properties an environment JVM (one Lambda execution environment) needs so that the
 * unchanged Momento SDK reaches the local Momento: its https traffic goes through the
 * {@link MomentoTunnelProxy}, and it trusts the local CA on top of the JDK's usual roots.
 *
 * <p>Pass {@link #jvmArgs()} as separate arguments to {@link ProcessBuilder}, never through a
 * shell: the {@code |} in {@code http.nonProxyHosts} would be read as a pipe.
 *
 * @param proxyPort the tunnel proxy's port on 127.0.0.1
 * @param trustStore the trust store holding the JDK's roots plus the local CA
 */
public record EnvJvmSettings(int proxyPort, TrustStoreFile trustStore) {

    /**
     * Hosts that must never go through the proxy. The JDK applies {@code http.nonProxyHosts} to
     * https as well, and setting it replaces the JDK default, so keep loopback in it: the local
     * DynamoDB and Secrets Manager endpoints are plain http on 127.0.0.1 and must stay direct.
     */
    public static final String NON_PROXY_HOSTS = "localhost|127.0.0.1|[::1]";

    /** Property name -> value, in a stable order. */
    public Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("https.proxyHost", "127.0.0.1");
        properties.put("https.proxyPort", Integer.toString(proxyPort));
        properties.put("http.nonProxyHosts", NON_PROXY_HOSTS);
        properties.put("javax.net.ssl.trustStore", trustStore.path().toAbsolutePath().toString());
        properties.put("javax.net.ssl.trustStorePassword", trustStore.password());
        properties.put("javax.net.ssl.trustStoreType", trustStore.type());
        return properties;
    }

    /** The same as {@code -Dname=value} arguments for the {@code java} command line. */
    public List<String> jvmArgs() {
        return systemProperties().entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
