package com.example.localcloud.momento;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority, made fresh at every start: it signs the local Momento
 * server's certificate, and a trust store holding it (plus everything the JDK trusts by default)
 * lets an unchanged client verify {@code cache.momento.local} like any public host.
 *
 * <p>Keys are EC P-256: generating them takes milliseconds (RSA 2048 takes far longer), and every
 * JDK and gRPC TLS stack accepts them. BouncyCastle only builds the certificates; keys, signatures
 * and key stores use the JDK's own providers, so no security provider is registered.
 */
public final class LocalCertificateAuthority {

    /** The password of the trust stores written here; it protects nothing secret. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    // Started an hour back so that small clock differences between processes do not matter.
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private LocalCertificateAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new CA with a self-signed certificate for {@code CN=<commonName>}. */
    public static LocalCertificateAuthority create(String commonName) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = new X500Name("CN=" + commonName + ", O=Local workshop cloud");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = newBuilder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0)) // a CA, no sub-CAs
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new LocalCertificateAuthority(keys, sign(builder, keys));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the local certificate authority", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server key and certificate for these DNS names (wildcards such as *.momento.local allowed). */
    public ServerIdentity issueServerCertificate(List<String> dnsNames) {
        try {
            KeyPair serverKeys = newKeyPair();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            GeneralNames names = new GeneralNames(dnsNames.stream()
                    .map(name -> new GeneralName(GeneralName.dNSName, name))
                    .toArray(GeneralName[]::new));
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            // TLS clients check the SANs (not the CN) against the host name they dialled.
            X509v3CertificateBuilder builder = newBuilder(issuer, new X500Name("CN=" + dnsNames.get(0)), serverKeys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(serverKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate serverCertificate = sign(builder, keys);
            return new ServerIdentity(serverKeys.getPrivate(), List.of(serverCertificate, certificate));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not issue the local server certificate", e);
        }
    }

    /**
     * Writes a PKCS12 trust store with every certificate this JVM trusts by default (normally the
     * JDK's cacerts, or whatever {@code javax.net.ssl.trustStore} points at) plus this CA, so a JVM
     * using it still reaches real AWS and other public hosts.
     */
    public TrustStoreFile writeTrustStore(Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> defaults = defaultTrustedCertificates();
            for (int i = 0; i < defaults.size(); i++) {
                store.setCertificateEntry("default-" + i, defaults.get(i));
            }
            store.setCertificateEntry("local-workshop-ca", certificate);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            return new TrustStoreFile(file, TRUST_STORE_PASSWORD, "PKCS12");
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not write the trust store " + file, e);
        }
    }

    /** The CA certificate as PEM, for tools like curl or grpcurl ({@code --cacert}). */
    public void writeCertificatePem(Path file) throws IOException {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static List<X509Certificate> defaultTrustedCertificates() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null); // null = this JVM's default trust store
        List<X509Certificate> certificates = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                certificates.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return certificates;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder newBuilder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, RANDOM).add(BigInteger.ONE), // positive, unique enough
                Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(VALIDITY)),
                subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
