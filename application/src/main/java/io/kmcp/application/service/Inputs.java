package io.kmcp.application.service;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.resource.NamespaceName;
import java.util.function.Supplier;

/** Where a domain rule rejects a caller's value, the caller gets the domain's own words. */
final class Inputs {

    private Inputs() {}

    static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw new RequestFailedException(Reason.INVALID_ARGUMENT, e.getMessage());
        }
    }

    /**
     * The namespace of a use case that cannot do without one: left out, it is {@code
     * NAMESPACE_REQUIRED} with why it is needed and what to do.
     */
    static NamespaceName requiredNamespace(String namespace, String whyNeeded, Problem.Remedy remedy) {
        return valid(() -> NamespaceName.ofNullable(namespace))
                .orElseThrow(() -> new RequestFailedException(Reason.NAMESPACE_REQUIRED, whyNeeded, remedy));
    }
}
