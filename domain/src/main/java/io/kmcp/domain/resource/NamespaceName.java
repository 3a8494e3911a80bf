package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.Texts;
import java.util.Optional;

/** The name of a namespace: a DNS-1123 label (lower case, digits, '-', at most 63 characters). */
public record NamespaceName(String value) {

    public NamespaceName {
        if (!KubernetesNames.isDns1123Label(value)) {
            throw new InvalidInputException("The namespace " + Texts.quote(value)
                    + " is not a valid namespace name: use at most " + KubernetesNames.MAX_LABEL_LENGTH
                    + " lower-case letters, digits and '-', starting and ending with a letter or digit"
                    + " (e.g. team-a).");
        }
    }

    /** No namespace for {@code null} or blank text, as a tool argument left out or empty means. */
    public static Optional<NamespaceName> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new NamespaceName(value.strip()));
    }

    @Override
    public String toString() {
        return value;
    }
}
