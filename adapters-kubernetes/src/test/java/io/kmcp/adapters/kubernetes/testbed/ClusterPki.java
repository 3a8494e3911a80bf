package io.kmcp.adapters.kubernetes.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The public key infrastructure of one test cluster, made fresh for every control plane: a cluster
 * CA, the API server's serving certificate, an administrator's client certificate (group {@code
 * system:masters}) and the service-account signing key. Nothing is shared between clusters, so two
 * control planes never trust each other's tokens or certificates.
 */
public final class ClusterPki {

    private static final Duration VALIDITY = Duration.ofDays(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X500Name caName;
    private final X509Certificate caCertificate;
    private final KeyPair servingKeys;
    private final X509Certificate servingCertificate;
    private final KeyPair adminKeys;
    private final X509Certificate adminCertificate;
    private final KeyPair serviceAccountKeys;

    private ClusterPki(String clusterName) throws GeneralSecurityException, OperatorCreationException {
        caKeys = ecKeys();
        caName = new X500Name("CN=k-mcp test CA " + clusterName);
        caCertificate = sign(caName, caName, caKeys, caKeys, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
        servingKeys = ecKeys();
        servingCertificate = sign(caName, new X500Name("CN=kube-apiserver"), servingKeys, caKeys, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local"),
            }));
        });
        adminKeys = ecKeys();
        adminCertificate =
                sign(caName, new X500Name("CN=kubernetes-admin,O=system:masters"), adminKeys, caKeys, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                });
        // Real clusters sign service-account tokens with RSA (RS256); so does the test bed.
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, RANDOM);
        serviceAccountKeys = rsa.generateKeyPair();
    }

    public static ClusterPki generate(String clusterName) {
        try {
            return new ClusterPki(clusterName);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the test PKI", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public String caPem() {
        return pem(caCertificate);
    }

    public String adminCertificatePem() {
        return pem(adminCertificate);
    }

    public String adminKeyPem() {
        return pem(adminKeys.getPrivate());
    }

    public KeyPair serviceAccountKeys() {
        return serviceAccountKeys;
    }

    /**
     * A fresh client certificate signed by the cluster CA, for a control plane component that
     * authenticates as {@code commonName} in the given groups (organisations), as kubeadm issues them.
     */
    public ClientCredentials clientCredentials(String commonName, String... groups) {
        try {
            KeyPair keys = ecKeys();
            StringBuilder subject = new StringBuilder("CN=").append(commonName);
            for (String group : groups) {
                subject.append(",O=").append(group);
            }
            X509Certificate certificate = sign(caName, new X500Name(subject.toString()), keys, caKeys, builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            });
            return new ClientCredentials(pem(certificate), pem(keys.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a client certificate for " + commonName, e);
        }
    }

    /** A client certificate and its private key, both PEM. */
    public record ClientCredentials(String certificatePem, String keyPem) {}

    /** Writes the files kube-apiserver reads and returns where they are. */
    public PkiFiles written(Path dir) {
        PkiFiles files = new PkiFiles(
                dir.resolve("ca.crt"),
                dir.resolve("apiserver.crt"),
                dir.resolve("apiserver.key"),
                dir.resolve("service-account.key"),
                dir.resolve("service-account.pub"));
        write(files.ca(), caPem());
        write(files.servingCertificate(), pem(servingCertificate) + caPem());
        write(files.servingKey(), pem(servingKeys.getPrivate()));
        write(files.serviceAccountKey(), pem(serviceAccountKeys.getPrivate()));
        write(files.serviceAccountPublicKey(), pem(serviceAccountKeys.getPublic()));
        return files;
    }

    /** A TLS context that trusts only this cluster's CA and presents the administrator's certificate. */
    public SSLContext adminSslContext() {
        return sslContext(true);
    }

    /**
     * A TLS context that presents the API server's serving certificate (chained to the cluster CA), for a
     * stand-in API server that clients trust through {@link #caPem()} exactly as they trust the real one.
     */
    public SSLContext servingSslContext() {
        try {
            char[] password = "test-bed".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "serving", servingKeys.getPrivate(), password, new Certificate[] {servingCertificate, caCertificate
                    });
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the serving TLS context of the test cluster", e);
        }
    }

    /** A TLS context that trusts only this cluster's CA and presents no certificate: an anonymous client. */
    public SSLContext trustOnlySslContext() {
        return sslContext(false);
    }

    private SSLContext sslContext(boolean asAdmin) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManager[] keyManagers = null;
            if (asAdmin) {
                char[] password = "test-bed".toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("admin", adminKeys.getPrivate(), password, new Certificate[] {adminCertificate});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                keyManagers = kmf.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, tmf.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for the test cluster", e);
        }
    }

    /** Paths of the PKI files written for kube-apiserver. */
    public record PkiFiles(
            Path ca, Path servingCertificate, Path servingKey, Path serviceAccountKey, Path serviceAccountPublicKey) {
        public List<Path> all() {
            return List.of(ca, servingCertificate, servingKey, serviceAccountKey, serviceAccountPublicKey);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate sign(
            X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, Extensions extensions)
            throws GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)),
                subject,
                subjectKeys.getPublic());
        try {
            extensions.add(builder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return ec.generateKeyPair();
    }

    // PKCS#8 and SubjectPublicKeyInfo straight from the JDK's encodings: the forms Go's crypto and
    // fabric8 both parse, whatever the key algorithm.
    private static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path path, String content) {
        try {
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
