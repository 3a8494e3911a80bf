package io.kmcp.application;

import java.util.Objects;

/**
 * What went wrong, in words an agent can act on: the message says what was wrong and what to do
 * next; the reason is a stable code for clients that branch on it.
 */
public record Problem(Reason reason, String message) {

    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public enum Reason {
        /** An argument is missing, malformed, out of range or ambiguous. */
        INVALID_ARGUMENT,
        /** The type is restricted by this server's policy, whatever RBAC allows. */
        RESTRICTED,
        /** No type of the cluster answers to the name. */
        UNKNOWN_TYPE,
        /** Several types answer to the name; it must be qualified. */
        AMBIGUOUS_TYPE,
        /** The type is namespaced and no namespace was given. */
        NAMESPACE_REQUIRED,
        /** The object does not exist (or the caller may not know it does). */
        NOT_FOUND,
        /** The API server authenticated the caller and RBAC denied the request. */
        FORBIDDEN,
        /** The API server did not accept the caller's token. */
        UNAUTHORIZED,
        /** Another field manager owns the fields, or the object changed meanwhile. */
        CONFLICT,
        /** The API server rejected the object as invalid. */
        INVALID_OBJECT,
        /** The cluster could not be reached or answered with a server error. */
        UNAVAILABLE
    }
}
