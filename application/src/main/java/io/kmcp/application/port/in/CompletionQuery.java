package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What to complete, as typed so far.
 *
 * @param prefix what has been typed of the value; empty offers every value
 * @param type for {@link Target#NAME}: the type of the objects, as typed in another field of the form
 * @param namespace for {@link Target#NAME}: their namespace; empty for every namespace the caller may list
 */
public record CompletionQuery(Target target, String prefix, Optional<String> type, Optional<String> namespace) {

    /** The kind of value being typed. */
    public enum Target {
        TYPE,
        NAMESPACE,
        NAME
    }

    public CompletionQuery {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
    }

    public static CompletionQuery of(Target target, String prefix) {
        return new CompletionQuery(target, prefix, Optional.empty(), Optional.empty());
    }
}
