package io.kmcp.domain.redaction;

import java.util.Objects;

/**
 * One hidden value: where it was and why, never the value itself.
 *
 * @param path where in the object, JSON-path-like ({@code spec.template.spec.containers[0].env[1].value}),
 *     empty for a line of text
 * @param rule the kind of rule that hid it
 * @param reason the words of the marker that replaced it
 */
public record Redaction(String path, Rule rule, String reason) {

    public Redaction {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** The kinds of rule, as a metric may count them: a few fixed values, never a name or a value. */
    public enum Rule {
        /** The key or variable name suggests a credential. */
        KEY_NAME,
        /** The value has a credential's format (a PEM private key, a JWT, a cloud access key, …). */
        VALUE_FORMAT,
        /** A random-looking token, hidden in strict mode only. */
        HIGH_ENTROPY,
        /** A pattern the operator configured. */
        CONFIGURED
    }
}
