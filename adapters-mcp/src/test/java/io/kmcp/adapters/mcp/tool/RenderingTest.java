package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.type.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private static final CharBudget DEFAULT = new CharBudget(CharBudget.DEFAULT);

    @Test
    @DisplayName("Pod status follows kubectl: failing init containers, waiting reasons, deletion")
    void podStatus() {
        Map<String, Object> initFailing = Map.of(
                "status",
                Map.of(
                        "phase",
                        "Pending",
                        "initContainerStatuses",
                        List.of(Map.of("state", Map.of("waiting", Map.of("reason", "CrashLoopBackOff"))))));
        Map<String, Object> terminating = Map.of(
                "metadata", Map.of("deletionTimestamp", "2026-06-01T11:59:00Z"), "status", Map.of("phase", "Running"));
        Map<String, Object> oomKilled = Map.of(
                "status",
                Map.of(
                        "phase",
                        "Running",
                        "containerStatuses",
                        List.of(Map.of(
                                "restartCount",
                                4,
                                "state",
                                Map.of("terminated", Map.of("reason", "OOMKilled", "exitCode", 137))))));

        assertThat(ListColumns.Pods.status(initFailing)).isEqualTo("Init:CrashLoopBackOff");
        assertThat(ListColumns.Pods.status(terminating)).isEqualTo("Terminating");
        assertThat(ListColumns.Pods.status(oomKilled)).isEqualTo("OOMKilled");
        assertThat(ListColumns.Pods.restarts(oomKilled)).isEqualTo(4);
    }

    @Test
    @DisplayName("A kind without its own columns gets NAME, STATUS and READY when items have them, and AGE")
    void genericColumns() {
        Map<String, Object> widget = Map.of(
                "metadata", Map.of("name", "w1", "creationTimestamp", "2026-06-01T11:00:00Z"),
                "status", Map.of("phase", "Bound", "conditions", List.of(Map.of("type", "Ready", "status", "True"))));

        String text = ResourceListTool.table(
                        new ResourceList(
                                Types.WIDGETS,
                                Optional.of("team-a"),
                                List.of(widget),
                                Optional.empty(),
                                Optional.empty()),
                        TestClock.NOW,
                        DEFAULT)
                .text();

        assertThat(text)
                .isEqualTo("widgets.v1alpha1.example.com in namespace team-a: 1 object\n"
                        + "NAME   STATUS   READY   AGE\n"
                        + "w1     Bound    True    60m");
    }

    @Test
    @DisplayName("An empty page says so, and an empty page with a continue token still gives the token")
    void emptyPages() {
        ResourceList empty =
                new ResourceList(Types.NODES, Optional.empty(), List.of(), Optional.of("tok"), Optional.empty());

        assertThat(ResourceListTool.table(empty, TestClock.NOW, DEFAULT).text())
                .isEqualTo("No nodes.v1 found.\n\n"
                        + "More objects follow. For the next page call resource_list again with the same arguments"
                        + " and continue=\"tok\".");
    }

    @Test
    @DisplayName("Services show type, addresses and ports; nodes show readiness, roles and version")
    void servicesAndNodes() {
        ResourceType services =
                new ResourceType("", "v1", "Service", "services", "service", List.of("svc"), true, java.util.Set.of());
        Map<String, Object> service = Map.of(
                "metadata", Map.of("name", "web"),
                "spec",
                        Map.of(
                                "type", "LoadBalancer",
                                "clusterIP", "10.96.0.10",
                                "ports", List.of(Map.of("port", 80, "nodePort", 30080, "protocol", "TCP"))));
        Map<String, Object> node = Map.of(
                "metadata", Map.of("name", "n1", "labels", Map.of("node-role.kubernetes.io/control-plane", "")),
                "spec", Map.of("unschedulable", true),
                "status",
                        Map.of(
                                "conditions", List.of(Map.of("type", "Ready", "status", "True")),
                                "nodeInfo", Map.of("kubeletVersion", "v1.34.1")));

        assertThat(ResourceListTool.table(
                                new ResourceList(
                                        services,
                                        Optional.of("a"),
                                        List.of(service),
                                        Optional.empty(),
                                        Optional.empty()),
                                TestClock.NOW,
                                DEFAULT)
                        .text())
                .containsPattern("web +LoadBalancer +10.96.0.10 +<pending> +80:30080/TCP +<unknown>");
        assertThat(ResourceListTool.table(
                                new ResourceList(
                                        Types.NODES,
                                        Optional.empty(),
                                        List.of(node),
                                        Optional.empty(),
                                        Optional.empty()),
                                TestClock.NOW,
                                DEFAULT)
                        .text())
                .containsPattern("n1 +Ready,SchedulingDisabled +control-plane +<unknown> +v1.34.1");
    }

    @Test
    @DisplayName("Table cells are single-line, bounded and never empty")
    void cells() {
        assertThat(Table.cell("line one\nline two\ttab")).isEqualTo("line one line two tab");
        assertThat(Table.cell("")).isEqualTo("<none>");
        assertThat(Table.cell("x".repeat(500))).hasSize(Table.MAX_CELL_LENGTH).endsWith("…");
    }

    @Test
    @DisplayName("Ages read like kubectl's")
    void ages() {
        assertThat(Age.format(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Age.format(Duration.ofSeconds(330))).isEqualTo("5m30s");
        assertThat(Age.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Age.format(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(Age.format(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Age.format(Duration.ofHours(50))).isEqualTo("2d2h");
        assertThat(Age.format(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Age.format(Duration.ofDays(800))).isEqualTo("2y");
        assertThat(Age.since(JsonTree.of("yesterday").instant(), TestClock.NOW)).isEqualTo("<unknown>");
    }

    @Test
    @DisplayName("YAML keeps strings that look like numbers or booleans quoted, and multi-line strings readable")
    void yaml() {
        String yaml = Yaml.of(Map.of("data", Map.of("version", "1.0", "enabled", "true", "script", "a\nb\n")));

        assertThat(yaml)
                .doesNotStartWith("---")
                .contains("version: \"1.0\"")
                .contains("enabled: \"true\"")
                .contains("script: |\n");
    }
}
