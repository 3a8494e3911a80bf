package io.kmcp.adapters.kubernetes;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust anchors of one cluster: its CA bundle only (never the JVM's whole store when a bundle
 * is configured), and, when a TLS server name is configured, a check of the serving certificate
 * against that name instead of the URL's host, as kubectl's {@code --tls-server-name} does.
 */
final class ClusterTrust {

    private ClusterTrust() {}

    static List<X509Certificate> parseCertificates(String clusterName, String pem) {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "The CA bundle of cluster " + clusterName + " is not readable PEM: " + e.getMessage(), e);
        }
        List<X509Certificate> result = new ArrayList<>();
        certificates.forEach(certificate -> result.add((X509Certificate) certificate));
        if (result.isEmpty()) {
            throw new IllegalArgumentException("The CA bundle of cluster " + clusterName
                    + " holds no certificate; give the PEM of the cluster CA (-----BEGIN CERTIFICATE-----).");
        }
        return result;
    }

    static TrustManager[] trustManagers(ClusterConnection connection) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (connection.caBundlePem().isPresent()) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                List<X509Certificate> certificates = parseCertificates(
                        connection.name(), connection.caBundlePem().get());
                for (int i = 0; i < certificates.size(); i++) {
                    anchors.setCertificateEntry("cluster-ca-" + i, certificates.get(i));
                }
                factory.init(anchors);
            } else {
                factory.init((KeyStore) null);
            }
            X509TrustManager pkix = firstX509(factory.getTrustManagers());
            return new TrustManager[] {
                connection
                        .tlsServerName()
                        .<X509TrustManager>map(name -> new ServerNameTrustManager(pkix, name))
                        .orElse(pkix)
            };
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build the trust store of cluster " + connection.name(), e);
        }
    }

    private static X509TrustManager firstX509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }

    /**
     * Verifies the chain against the cluster CA, then the leaf against the configured server name.
     * Being an {@link X509ExtendedTrustManager}, it replaces the JDK's host check against the URL,
     * which would fail exactly when a TLS server name is needed.
     */
    static final class ServerNameTrustManager extends X509ExtendedTrustManager {

        private final X509TrustManager chainValidator;
        private final String serverName;

        ServerNameTrustManager(X509TrustManager chainValidator, String serverName) {
            this.chainValidator = chainValidator;
            this.serverName = serverName;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            chainValidator.checkServerTrusted(chain, authType);
            if (!ServerNames.matches(chain[0], serverName)) {
                throw new CertificateException("The API server's certificate is not valid for the TLS server name "
                        + serverName + " (it names " + ServerNames.describe(chain[0]) + ").");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("k-mcp does not accept TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chainValidator.getAcceptedIssuers();
        }
    }

    /** RFC 6125 matching on subject alternative names (no common-name fallback, as in Go). */
    static final class ServerNames {

        private static final int DNS = 2;
        private static final int IP = 7;

        private ServerNames() {}

        static boolean matches(X509Certificate certificate, String serverName) {
            String wanted = serverName.toLowerCase(Locale.ROOT);
            boolean ipLiteral = isIpLiteral(wanted);
            for (List<?> entry : alternativeNames(certificate)) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT);
                if (ipLiteral && type == IP && sameAddress(value, wanted)) {
                    return true;
                }
                if (!ipLiteral && type == DNS && dnsMatches(value, wanted)) {
                    return true;
                }
            }
            return false;
        }

        static String describe(X509Certificate certificate) {
            List<String> names = new ArrayList<>();
            for (List<?> entry : alternativeNames(certificate)) {
                names.add(String.valueOf(entry.get(1)));
            }
            return names.isEmpty() ? "no subject alternative name" : String.join(", ", names);
        }

        private static Collection<List<?>> alternativeNames(X509Certificate certificate) {
            try {
                Collection<List<?>> names = certificate.getSubjectAlternativeNames();
                return names == null ? List.of() : names;
            } catch (CertificateParsingException e) {
                return List.of();
            }
        }

        private static boolean dnsMatches(String pattern, String host) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                // A wildcard stands for exactly one whole label, never for a dot.
                return dot > 0 && host.substring(dot).equals(pattern.substring(1));
            }
            return pattern.equals(host);
        }

        static boolean isIpLiteral(String name) {
            return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        private static boolean sameAddress(String a, String b) {
            try {
                return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
    }
}
