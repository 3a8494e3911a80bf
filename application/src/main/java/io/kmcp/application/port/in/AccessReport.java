package io.kmcp.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API server says of the caller, and what k-mcp makes of it.
 *
 * @param namespace where the rules or the check apply; empty for identity alone, or a check across
 *     all namespaces or on a cluster-scoped type
 * @param grants RBAC's rules in the namespace, one entry per resource; empty without a namespace or
 *     when a single action was checked
 * @param incomplete the API server could not list every rule: more may be granted
 */
public record AccessReport(
        String username,
        List<String> groups,
        Optional<String> namespace,
        List<Grant> grants,
        boolean incomplete,
        Optional<Check> check) {

    public AccessReport {
        Objects.requireNonNull(username, "username");
        groups = List.copyOf(groups);
        Objects.requireNonNull(namespace, "namespace");
        grants = List.copyOf(grants);
        Objects.requireNonNull(check, "check");
    }

    /**
     * One resource (group-qualified, {@code *} for all) and what RBAC grants on it.
     *
     * @param verbs what RBAC grants that k-mcp may use
     * @param neverOffered what RBAC grants that k-mcp never does ({@code delete}, {@code deletecollection})
     * @param restrictedBecause set when k-mcp refuses the resource whatever RBAC grants
     * @param resourceNames set when the rules name only some objects
     */
    public record Grant(
            String resource,
            List<String> verbs,
            List<String> neverOffered,
            Optional<String> restrictedBecause,
            List<String> resourceNames) {
        public Grant {
            Objects.requireNonNull(resource, "resource");
            verbs = List.copyOf(verbs);
            neverOffered = List.copyOf(neverOffered);
            Objects.requireNonNull(restrictedBecause, "restrictedBecause");
            resourceNames = List.copyOf(resourceNames);
        }
    }

    /**
     * One action: RBAC's answer, and whether k-mcp would do it if RBAC allows.
     *
     * @param rbacAllows empty when k-mcp did not ask, because it refuses the action anyway
     * @param refusedByKmcp why k-mcp never does it (a restricted type, a deletion), whatever RBAC says
     */
    public record Check(
            String verb,
            String resource,
            Optional<Boolean> rbacAllows,
            String rbacReason,
            Optional<String> refusedByKmcp) {
        public Check {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(rbacAllows, "rbacAllows");
            Objects.requireNonNull(rbacReason, "rbacReason");
            Objects.requireNonNull(refusedByKmcp, "refusedByKmcp");
        }

        /** Whether an agent may expect k-mcp to do it. */
        public boolean allowed() {
            return refusedByKmcp.isEmpty() && rbacAllows.orElse(false);
        }
    }
}
