package io.kmcp.adapters.mcp.security;

import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Chooses the configured cluster a verified token is meant for. With one cluster that is always the
 * same; with several, the token's audience names it, and a token that names none or more than one is
 * refused by throwing {@link InvalidTokenException}.
 */
@FunctionalInterface
public interface ClusterSelector {

    /** The name of the configured cluster the token is for. */
    String clusterFor(Jwt jwt);

    /** Every token is for the one configured cluster. */
    static ClusterSelector single(String clusterName) {
        Objects.requireNonNull(clusterName, "clusterName");
        if (clusterName.isBlank()) {
            throw new IllegalArgumentException("the cluster name cannot be blank");
        }
        return jwt -> clusterName;
    }
}
