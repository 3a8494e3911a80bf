package io.kmcp.adapters.mcp.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which configured cluster a token's audiences name. Only configured URLs can match, compared in a
 * normal form (scheme and host in lower case, default port made explicit, no trailing slash), so a
 * token can never make k-mcp contact a URL the operator did not configure.
 */
final class ClusterAudiences {

    private final Map<String, TrustedCluster> byAudience;

    ClusterAudiences(List<TrustedCluster> clusters) {
        this.byAudience = clusters.stream()
                .collect(Collectors.toUnmodifiableMap(
                        cluster -> normalize(cluster.apiServer().toString())
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "cluster \"" + cluster.name() + "\" has an unusable API server URL")),
                        Function.identity(),
                        (first, second) -> {
                            throw new IllegalArgumentException("clusters \"" + first.name() + "\" and \""
                                    + second.name() + "\" have the same API server URL");
                        }));
    }

    /**
     * The one cluster the audiences name.
     *
     * @throws InvalidTokenException if they name none or several
     */
    TrustedCluster clusterFor(List<String> audiences) {
        List<TrustedCluster> named = audiences.stream()
                .map(ClusterAudiences::normalize)
                .flatMap(Optional::stream)
                .map(byAudience::get)
                .filter(cluster -> cluster != null)
                .distinct()
                .toList();
        if (named.isEmpty()) {
            throw new InvalidTokenException(
                    TokenRejection.CLUSTER,
                    "the token's audience names no cluster this server is configured for;"
                            + " request a token whose audiences include the API server URL of a configured cluster");
        }
        if (named.size() > 1) {
            throw new InvalidTokenException(
                    TokenRejection.CLUSTER,
                    "the token's audience names several configured clusters ("
                            + named.stream().map(TrustedCluster::name).sorted().collect(Collectors.joining(", "))
                            + "); request a token for one cluster only");
        }
        return named.get(0);
    }

    static Optional<String> normalize(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port + path);
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }
}
