package io.kmcp.application;

import java.util.Objects;

/**
 * A request that cannot be carried out, with the {@link Problem} to report. Thrown by use cases for
 * bad input and policy refusals, and by outbound adapters for the API server's refusals, so that the
 * inbound adapter renders every failure the same way.
 */
public class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public RequestFailedException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").message());
        this.problem = problem;
    }

    public RequestFailedException(Problem.Reason reason, String message) {
        this(new Problem(reason, message));
    }

    public RequestFailedException(Problem.Reason reason, String message, Problem.Remedy remedy) {
        this(new Problem(reason, message, remedy));
    }

    public RequestFailedException(Problem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").message(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
