package io.kmcp.domain.apply;

import java.util.Objects;

/** What is wrong with one document, and how to fix it. */
public record ManifestProblem(Position position, String problem) {

    public ManifestProblem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return position + ": " + problem;
    }
}
