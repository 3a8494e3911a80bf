package io.kmcp.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.kmcp.acceptance.driver.TestCluster.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing the cluster target of a run (-Dkmcp.cluster)")
class TestClusterTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NOT_ASKED = () -> fail("only the k3s target needs to know about Docker");

    private static final Map<String, String> KIND_ENVIRONMENT = Map.of(
            "KMCP_API_SERVER", "https://127.0.0.1:6443",
            "KMCP_CA_FILE", "/tmp/ca.crt",
            "KMCP_ADMIN_KUBECONFIG", "/tmp/kubeconfig");

    @Test
    @DisplayName("local is the default, whatever the case and spaces, and asks nothing of the machine")
    void localByDefault() {
        for (String requested : List.of("", "local", " LOCAL ")) {
            assertThat(TestCluster.select(requested, Map.of(), NOT_ASKED))
                    .isEqualTo(new Target("local", Optional.empty()));
        }
    }

    @Test
    @DisplayName("kind without its variables fails, naming the missing ones and the script that sets them")
    void kindWithoutVariables() {
        Map<String, String> partial = Map.of("KMCP_API_SERVER", "https://127.0.0.1:6443", "KMCP_CA_FILE", " ");

        assertThatThrownBy(() -> TestCluster.select("kind", partial, NOT_ASKED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing: KMCP_CA_FILE, KMCP_ADMIN_KUBECONFIG.")
                .hasMessageContaining("scripts/kind/setup.sh")
                .hasMessageContaining("source target/kind/env");
    }

    @Test
    @DisplayName("kind with its variables is chosen and runs")
    void kindWithVariables() {
        assertThat(TestCluster.select("kind", KIND_ENVIRONMENT, NOT_ASKED))
                .isEqualTo(new Target("kind", Optional.empty()));
    }

    @Test
    @DisplayName("k3s without a Docker engine is skipped, not failed, and says why")
    void k3sWithoutDocker() {
        Target target = TestCluster.select("k3s", Map.of(), NO_DOCKER);

        assertThat(target.name()).isEqualTo("k3s");
        assertThat(target.unavailable()).hasValue("-Dkmcp.cluster=k3s needs a Docker engine; none found");
        assertThat(target.skips(List.of("@listing"))).isEqualTo(target.unavailable());
    }

    @Test
    @DisplayName("k3s with a Docker engine runs")
    void k3sWithDocker() {
        assertThat(TestCluster.select("k3s", Map.of(), DOCKER)).isEqualTo(new Target("k3s", Optional.empty()));
    }

    @Test
    @DisplayName("an unknown target fails and lists the targets there are")
    void unknownTarget() {
        assertThatThrownBy(() -> TestCluster.select("minikube", KIND_ENVIRONMENT, NOT_ASKED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("-Dkmcp.cluster=minikube is not a cluster target")
                .hasMessageContaining("local (the default), kind")
                .hasMessageContaining("k3s (a K3s container, needs a Docker engine)");
    }

    @Test
    @DisplayName("a scenario tagged @local-only is skipped on kind and k3s, and runs on local")
    void localOnlyScenarios() {
        List<String> tags = List.of("@authentication", "@local-only");

        assertThat(new Target("local", Optional.empty()).skips(tags)).isEmpty();
        for (String elsewhere : List.of("kind", "k3s")) {
            assertThat(new Target(elsewhere, Optional.empty()).skips(tags))
                    .hasValueSatisfying(reason ->
                            assertThat(reason).contains("@local-only").endsWith("this run is on " + elsewhere));
        }
    }

    @Test
    @DisplayName("a scenario tagged @workloads is local-only: skipped on kind and k3s, saying why, and runs on local")
    void workloadScenarios() {
        List<String> tags = List.of("@diagnosis", "@workloads");

        assertThat(new Target("local", Optional.empty()).skips(tags)).isEmpty();
        for (String elsewhere : List.of("kind", "k3s")) {
            assertThat(new Target(elsewhere, Optional.empty()).skips(tags))
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .contains("@workloads")
                            .contains("only the local target starts")
                            .endsWith("this run is on " + elsewhere));
        }
    }

    @Test
    @DisplayName("a scenario without the tag runs on every available target")
    void otherScenarios() {
        for (String target : List.of("local", "kind", "k3s")) {
            assertThat(new Target(target, Optional.empty()).skips(List.of("@authentication")))
                    .isEmpty();
        }
    }
}
