package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.Problem.Remedy;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProblemWordsTest {

    @Test
    @DisplayName("A remedy becomes the tool or argument of this server that carries it out")
    void remediesInTheseToolsWords() {
        assertThat(ProblemWords.of(new Problem(
                        Reason.NOT_FOUND, "No pod named \"p\" in namespace shop", Remedy.FIND_THE_PODS_OF_A_WORKLOAD)))
                .isEqualTo("No pod named \"p\" in namespace shop; workload_diagnose names the pods of a workload.");
        assertThat(ProblemWords.of(new Problem(
                        Reason.INVALID_ARGUMENT,
                        "namespaces.v1 is cluster-scoped, so \"team\" is in no namespace",
                        Remedy.GIVE_NO_NAMESPACE)))
                .isEqualTo("namespaces.v1 is cluster-scoped, so \"team\" is in no namespace; leave the `namespace`"
                        + " argument out.");
    }

    @Test
    @DisplayName("Every remedy has words that name one of the tools, or an argument")
    void everyRemedyHasWords() {
        assertThat(Arrays.stream(Remedy.values()).map(ProblemWords::words))
                .allSatisfy(words -> assertThat(words).containsPattern("_[a-z]+|`[a-z]+`"));
    }

    @Test
    @DisplayName("A problem without a remedy is its message as it is; its fact alone is a sentence")
    void withoutRemedy() {
        assertThat(ProblemWords.of(new Problem(Reason.FORBIDDEN, "RBAC denies it")))
                .isEqualTo("RBAC denies it");
        assertThat(ProblemWords.fact(new Problem(Reason.FORBIDDEN, "RBAC denies it")))
                .isEqualTo("RBAC denies it.");
        assertThat(ProblemWords.fact(new Problem(Reason.FORBIDDEN, "RBAC denies it.")))
                .isEqualTo("RBAC denies it.");
    }
}
