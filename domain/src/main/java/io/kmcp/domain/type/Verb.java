package io.kmcp.domain.type;

import java.util.Locale;
import java.util.Optional;

/**
 * What this server may do with a resource type. Deliberately without {@code delete} and {@code
 * deletecollection}: no code path can express a deletion, whatever RBAC would allow.
 */
public enum Verb {
    GET,
    LIST,
    WATCH,
    CREATE,
    UPDATE,
    PATCH;

    /**
     * The verb for a name from API discovery ({@code "list"}, {@code "patch"} …). Verbs this server
     * never uses ({@code delete}, {@code deletecollection}, {@code proxy}, {@code escalate} …) have
     * none, so they vanish when discovery is read.
     */
    public static Optional<Verb> fromDiscovery(String discoveryName) {
        if (discoveryName == null) {
            return Optional.empty();
        }
        for (Verb verb : values()) {
            if (verb.discoveryName().equals(discoveryName)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    /** The name discovery and RBAC use for this verb. */
    public String discoveryName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
