package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.Texts;

/**
 * The name of an object: a DNS-1123 subdomain (lower case, digits, '-' and '.', at most 253
 * characters), the rule for nearly every Kubernetes type.
 */
public record ObjectName(String value) {

    public ObjectName {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The object name is empty; give the name of the object, e.g. web-0.");
        }
        if (!KubernetesNames.isDns1123Subdomain(value)) {
            throw new InvalidInputException("The object name " + Texts.quote(value)
                    + " is not a valid Kubernetes name: use at most " + KubernetesNames.MAX_SUBDOMAIN_LENGTH
                    + " lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                    + " (e.g. web-0).");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
