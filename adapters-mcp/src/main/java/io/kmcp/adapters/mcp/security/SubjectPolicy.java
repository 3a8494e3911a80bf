package io.kmcp.adapters.mcp.security;

import java.util.Objects;
import java.util.Set;

/**
 * Which subjects may use k-mcp at all, before RBAC is asked: optionally only service accounts, and
 * optionally only service accounts of some namespaces (say, the one where agents' accounts live).
 *
 * @param serviceAccountsOnly refuse a subject that is not {@code system:serviceaccount:NAMESPACE:NAME}
 * @param namespaces the namespaces whose service accounts are accepted; empty: every namespace
 */
public record SubjectPolicy(boolean serviceAccountsOnly, Set<String> namespaces) {

    static final String PREFIX = "system:serviceaccount:";

    public SubjectPolicy {
        namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
        if (!namespaces.isEmpty() && !serviceAccountsOnly) {
            throw new IllegalArgumentException("a namespace allow-list applies to service accounts only");
        }
    }

    /** Service-account subjects of any namespace. */
    public static SubjectPolicy serviceAccounts() {
        return new SubjectPolicy(true, Set.of());
    }

    public static SubjectPolicy anySubject() {
        return new SubjectPolicy(false, Set.of());
    }

    /** @throws InvalidTokenException naming what is accepted */
    void check(String subject) {
        if (!serviceAccountsOnly) {
            return;
        }
        String[] parts = subject == null ? new String[0] : subject.split(":", -1);
        if (!subject.startsWith(PREFIX) || parts.length != 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
            throw new InvalidTokenException(
                    TokenRejection.SUBJECT_NOT_ALLOWED,
                    "the token's subject is not a service account; k-mcp accepts service-account tokens only");
        }
        if (!namespaces.isEmpty() && !namespaces.contains(parts[2])) {
            throw new InvalidTokenException(
                    TokenRejection.SUBJECT_NOT_ALLOWED,
                    "service accounts of namespace " + parts[2]
                            + " may not use this server; ask the operator which namespaces are allowed");
        }
    }
}
