package io.kmcp.application;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is asking, and on which cluster: the authenticated subject of a verified service-account
 * token, the configured cluster its audience names, and the token itself, forwarded to that
 * cluster's API server whose RBAC decides. Every use case takes the caller explicitly.
 *
 * @param cluster the name of a cluster the operator configured
 * @param subject the token's subject, e.g. {@code system:serviceaccount:team-a:agent}
 * @param token the bearer credential; its {@code toString} never shows the secret
 */
public record Caller(String cluster, String subject, BearerToken token) {

    public Caller {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(token, "token");
    }

    /** When the token stops being valid; nothing may keep it past that instant. */
    public Instant expiresAt() {
        return token.expiresAt();
    }
}
