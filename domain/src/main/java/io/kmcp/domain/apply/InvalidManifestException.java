package io.kmcp.domain.apply;

import io.kmcp.domain.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** One or more documents cannot be applied as written; every problem found is listed, not only the first. */
public class InvalidManifestException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<ManifestProblem> problems;

    public InvalidManifestException(List<ManifestProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String render(List<ManifestProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid manifest has at least one problem");
        }
        String heading = problems.size() == 1
                ? "A document cannot be applied: "
                : problems.size() + " problems in the documents; fix them all and send the request again:\n";
        return heading + problems.stream().map(ManifestProblem::toString).collect(Collectors.joining("\n"));
    }
}
