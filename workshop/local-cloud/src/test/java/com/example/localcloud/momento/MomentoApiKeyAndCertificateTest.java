package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.List;
import momento.sdk.auth.CredentialProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key format and the local CA, checked against the SDK's parser and the JDK's PKIX checks. */
class MomentoApiKeyAndCertificateTest {

    @Test
    void theSdkReadsTheV1KeyAsTlsToCacheAndControlMomentoLocal() {
        MomentoApiKey key = MomentoApiKey.generate("momento.local");

        CredentialProvider parsed = CredentialProvider.fromString(key.v1Token());

        assertThat(parsed.getCacheEndpoint()).isEqualTo("cache.momento.local");
        assertThat(parsed.getControlEndpoint()).isEqualTo("control.momento.local");
        assertThat(parsed.getPort()).isEqualTo(443);
        assertThat(parsed.isEndpointSecure()).isTrue();
        assertThat(parsed.getAuthToken()).isEqualTo(key.secret());
    }

    @Test
    void keysAreFreshAndNeverPrinted() {
        MomentoApiKey key = MomentoApiKey.generate("momento.local");

        assertThat(key.secret()).isNotEqualTo(MomentoApiKey.generate("momento.local").secret());
        assertThat(key.toString()).doesNotContain(key.secret()).contains("redacted");
    }

    @Test
    void theServerCertificateChainsToTheCaInTheWrittenTrustStore(@TempDir Path dir)
            throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.create("Test CA");
        ServerIdentity server = ca.issueServerCertificate(List.of("cache.momento.local", "*.momento.local"));
        TrustStoreFile trustStore = ca.writeTrustStore(dir.resolve("trust.p12"));

        KeyStore store = KeyStore.getInstance(trustStore.type());
        try (InputStream in = Files.newInputStream(trustStore.path())) {
            store.load(in, trustStore.password().toCharArray());
        }
        assertThat(store.getCertificateAlias(ca.certificate())).isNotNull();
        assertThat(store.size()).as("the JDK's roots are kept").isGreaterThan(10);

        PKIXParameters parameters = new PKIXParameters(store);
        parameters.setRevocationEnabled(false);
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(server.certificate()));
        CertPathValidator.getInstance("PKIX").validate(path, parameters); // throws unless it chains to a trusted CA

        X509Certificate leaf = server.certificate();
        List<String> dnsNames = leaf.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1)).toList();
        assertThat(dnsNames).containsExactly("cache.momento.local", "*.momento.local");
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
    }

    @Test
    void envJvmArgsCarryProxyAndTrustStore(@TempDir Path dir) {
        TrustStoreFile trustStore = new TrustStoreFile(dir.resolve("t.p12"), "changeit", "PKCS12");
        EnvJvmSettings settings = new EnvJvmSettings(4321, trustStore);

        assertThat(settings.jvmArgs()).containsExactly(
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=4321",
                "-Dhttp.nonProxyHosts=localhost|127.0.0.1|[::1]",
                "-Djavax.net.ssl.trustStore=" + dir.resolve("t.p12").toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }
}
