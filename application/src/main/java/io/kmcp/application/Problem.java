package io.kmcp.application;

import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong: the message says what was wrong, in facts; the reason is a stable code for clients
 * that branch on it; the remedy, when there is one, says what to do next without naming how, so that
 * the inbound adapter can say it in its own terms (a tool and its arguments).
 */
public record Problem(Reason reason, String message, Optional<Remedy> remedy) {

    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
    }

    public Problem(Reason reason, String message) {
        this(reason, message, Optional.empty());
    }

    public Problem(Reason reason, String message, Remedy remedy) {
        this(reason, message, Optional.of(remedy));
    }

    /** What the caller can do next, as a fact about the request; the adapter words it. */
    public enum Remedy {
        /** Read the object itself: it is not of a kind a diagnosis starts from. */
        READ_THE_OBJECT,
        /** List the workloads of the namespace to find the right name. */
        LIST_WORKLOADS_OF_THE_NAMESPACE,
        /** Diagnose the workload to find the names of its pods. */
        FIND_THE_PODS_OF_A_WORKLOAD,
        /** Summarize the whole cluster instead of one namespace. */
        SUMMARIZE_THE_CLUSTER,
        /** List the namespaces to find one that exists. */
        LIST_THE_NAMESPACES,
        /** Name the namespace of the object. */
        GIVE_THE_NAMESPACE,
        /** Name no namespace: the type has none. */
        GIVE_NO_NAMESPACE,
        /** Name the container: the pod has several and no default one. */
        NAME_THE_CONTAINER,
        /** See what the caller may read there, or name the type of the object. */
        CHECK_ACCESS
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
