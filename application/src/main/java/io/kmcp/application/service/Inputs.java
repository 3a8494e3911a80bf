package io.kmcp.application.service;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.InvalidInputException;
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
}
