package io.kmcp.domain.policy;

import java.util.Objects;

/** The policy's answer for one type: allowed, or restricted with a reason an agent can read. */
public sealed interface PolicyDecision {

    /** The stable part of every refusal; clients and tests may rely on it. */
    String RESTRICTED_PHRASE = "is restricted by this server's policy";

    static PolicyDecision allowed() {
        return new Allowed();
    }

    default boolean isRestricted() {
        return this instanceof Restricted;
    }

    /** This server may work with the type (RBAC of the API server still decides for the caller). */
    record Allowed() implements PolicyDecision {}

    /**
     * This server never works with the type.
     *
     * @param subject the type as named in the message: {@code secrets}, {@code
     *     roles.rbac.authorization.k8s.io}, {@code serviceaccounts/token}, {@code Secret}
     * @param reason the whole message: "{@code <subject> is restricted by this server's policy: …}"
     */
    record Restricted(String subject, String reason) implements PolicyDecision {
        public Restricted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reason, "reason");
        }

        static Restricted of(String subject, String why) {
            return new Restricted(
                    subject,
                    subject + " " + RESTRICTED_PHRASE + ": " + why
                            + ". This server will not read, list or change it under any name or version;"
                            + " if the task needs it, ask a cluster administrator to do that part.");
        }
    }
}
