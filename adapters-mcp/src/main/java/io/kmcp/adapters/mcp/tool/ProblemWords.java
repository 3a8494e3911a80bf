package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Problem;

/**
 * A problem in an agent's words: the application states the fact and the remedy; only here do they
 * become the tools and arguments of this MCP server, so that the use cases know nothing of either.
 */
final class ProblemWords {

    private ProblemWords() {}

    /** The fact, then what to call or send next. */
    static String of(Problem problem) {
        return problem.remedy()
                .map(remedy -> problem.message() + "; " + words(remedy) + ".")
                .orElseGet(problem::message);
    }

    /** The fact alone, as a sentence, for answers that say what to do in their own words. */
    static String fact(Problem problem) {
        return sentence(problem.message());
    }

    static String words(Problem.Remedy remedy) {
        return switch (remedy) {
            case READ_THE_OBJECT -> "read it with " + ResourceGetTool.NAME + " instead";
            case LIST_WORKLOADS_OF_THE_NAMESPACE -> NamespaceOverviewTool.NAME + " lists the workloads of a namespace";
            case FIND_THE_PODS_OF_A_WORKLOAD -> WorkloadDiagnoseTool.NAME + " names the pods of a workload";
            case SUMMARIZE_THE_CLUSTER ->
                "give the `namespace` argument; " + ClusterOverviewTool.NAME + " covers the whole cluster";
            case LIST_THE_NAMESPACES -> ResourceListTool.NAME + " with resource=namespaces shows those that do";
            case GIVE_THE_NAMESPACE -> "give the `namespace` argument";
            case GIVE_NO_NAMESPACE -> "leave the `namespace` argument out";
            case NAME_THE_CONTAINER -> "name one with the `container` argument";
            case CHECK_ACCESS ->
                AccessReviewTool.NAME + " shows what you may read there; give the `resource` argument to diagnose"
                        + " an object of another kind";
        };
    }

    private static String sentence(String message) {
        return message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    }
}
