package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.CONFIG_MAPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.domain.redaction.Redaction;
import io.kmcp.domain.redaction.RedactionMode;
import io.kmcp.domain.redaction.Redactor;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading through redaction")
class RedactingReadersTest {

    private final FakeCluster cluster = new FakeCluster(CATALOG);
    private final List<List<Redaction>> observed = new ArrayList<>();
    private final RedactingResourceReader reader =
            new RedactingResourceReader(cluster, Redactor.of(RedactionMode.CREDENTIALS), observed::add);

    private static Map<String, Object> configMap(String name, Map<String, Object> data) {
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", name, "namespace", "shop"),
                "data",
                data);
    }

    @Test
    @DisplayName("a got object comes with its credentials replaced, and what was hidden is told")
    void get() {
        cluster.with(
                CONFIG_MAPS, "shop", "settings", configMap("settings", Map.of("api_token", "t0k3n", "mode", "fast")));

        Map<String, Object> object = reader.get(
                        CALLER,
                        new ResourceKey(
                                CONFIG_MAPS, Optional.of(new NamespaceName("shop")), new ObjectName("settings")))
                .orElseThrow();

        assertThat(object.get("data"))
                .isEqualTo(Map.of(
                        "api_token", "<redacted by k-mcp: the name api_token suggests a credential>", "mode", "fast"));
        assertThat(observed)
                .singleElement()
                .satisfies(redactions ->
                        assertThat(redactions).extracting(Redaction::path).containsExactly("data.api_token"));
    }

    @Test
    @DisplayName("every listed object is redacted, the page's continuation kept, and a clean object told of nothing")
    void list() {
        cluster.with(CONFIG_MAPS, "shop", "a", configMap("a", Map.of("db-password", "pw")));
        cluster.with(CONFIG_MAPS, "shop", "b", configMap("b", Map.of("mode", "fast")));
        cluster.with(CONFIG_MAPS, "shop", "c", configMap("c", Map.of("mode", "slow")));

        ResourcePage page = reader.list(
                CALLER,
                new ResourceQuery(
                        CONFIG_MAPS,
                        Optional.of(new NamespaceName("shop")),
                        Optional.empty(),
                        Optional.empty(),
                        new PageLimit(2),
                        Optional.empty()));

        assertThat(page.items().toString()).doesNotContain("=pw").contains("<redacted by k-mcp");
        assertThat(page.items()).hasSize(2);
        assertThat(page.continueToken()).isPresent();
        assertThat(page.remainingItemCount()).contains(1L);
        assertThat(observed).hasSize(1);
    }

    @Test
    @DisplayName("an absent object stays absent")
    void absent() {
        assertThat(reader.get(
                        CALLER,
                        new ResourceKey(CONFIG_MAPS, Optional.of(new NamespaceName("shop")), new ObjectName("none"))))
                .isEmpty();
        assertThat(observed).isEmpty();
    }

    @Test
    @DisplayName("a log comes with its unmistakable credentials replaced, and what was hidden is told")
    void logs() {
        LogRequest request = new LogRequest(
                new NamespaceName("shop"),
                new ObjectName("web"),
                "app",
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        RedactingPodLogReader logs = new RedactingPodLogReader(
                (caller, asked) -> asked == request ? "start\nusing key AKIAIOSFODNN7EXAMPLE\n" : "",
                Redactor.of(RedactionMode.CREDENTIALS),
                observed::add);

        assertThat(logs.read(CALLER, request))
                .isEqualTo("start\nusing key <redacted by k-mcp: an AWS access key id>\n");
        assertThat(observed)
                .singleElement()
                .satisfies(redactions -> assertThat(redactions).hasSize(1));
        assertThat(logs.read(
                        CALLER,
                        new LogRequest(
                                new NamespaceName("shop"),
                                new ObjectName("db"),
                                "app",
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .isEmpty();
        assertThat(observed).hasSize(1);
    }
}
