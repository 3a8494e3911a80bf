package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.type.ResourceType;
import java.util.Objects;

/**
 * A namespace given for a cluster-scoped type, or none for a namespaced type where one object is
 * meant. The rule is decided once, by {@link ResourceKey} and {@link ResourceQuery}; a caller that
 * names the namespace in its own terms (a tool argument, a manifest's {@code metadata.namespace}) can
 * tell the two cases apart with {@link #namespaceMissing()} and word the message for its reader.
 */
public final class NamespaceScopeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient ResourceType type;
    private final boolean namespaceMissing;

    private NamespaceScopeException(ResourceType type, boolean namespaceMissing, String message) {
        super(message);
        this.type = Objects.requireNonNull(type, "type");
        this.namespaceMissing = namespaceMissing;
    }

    static NamespaceScopeException missing(ResourceType type, ObjectName name) {
        return new NamespaceScopeException(
                type, true, type.fullyQualifiedName() + " is namespaced: name the namespace of " + name + " as well.");
    }

    /**
     * @param subject what is in no namespace, and its verb: "web-0 is", "its objects are"
     */
    static NamespaceScopeException notAllowed(ResourceType type, String subject) {
        return new NamespaceScopeException(
                type,
                false,
                type.fullyQualifiedName() + " is cluster-scoped, so " + subject
                        + " in no namespace; leave the namespace out.");
    }

    /** The type whose scope the namespace did not fit. */
    public ResourceType type() {
        return type;
    }

    /** True if the type is namespaced and no namespace was given; false if one was given to a cluster-scoped type. */
    public boolean namespaceMissing() {
        return namespaceMissing;
    }
}
