package io.kmcp.domain.diagnosis.rules.pods;

import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NodeShutdown")
class NodeShutdownRuleTest {

    private final NodeShutdownRule rule = new NodeShutdownRule();

    @Test
    @DisplayName("pods ended by a graceful node shutdown, or refused while it shuts down")
    void shutdown() {
        Finding terminated = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .failed("Terminated", "Pod was terminated in response to imminent node shutdown."))
                .build()));
        Finding refused = only(rule.findings(
                graph().pods(pod("web-7d9f-a").failed("NodeShutdown", "Pod was rejected as the node is shutting down."))
                        .build()));

        assertThat(terminated.cause()).isEqualTo("NodeShutdown");
        assertThat(terminated.summary())
                .isEqualTo("1/1 pods of Deployment shop/web failed: its node shut down: a controller runs its pods"
                        + " elsewhere; a pod without one must be created again (Pod was terminated in response to"
                        + " imminent node shutdown.)");
        assertThat(refused.summary()).contains("(Pod was rejected as the node is shutting down.)");
        assertThat(rule.findings(
                        graph().pods(pod("web-7d9f-a").failed("Evicted", "low")).build()))
                .isEmpty();
    }
}
