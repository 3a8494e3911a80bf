package io.kmcp.domain.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The redaction marker")
class RedactionMarkerTest {

    @Test
    @DisplayName("says why, and cannot be closed early by its reason")
    void text() {
        assertThat(RedactionMarker.of("a PEM private key")).isEqualTo("<redacted by k-mcp: a PEM private key>");
        assertThat(RedactionMarker.of("the name a>b suggests a credential"))
                .isEqualTo("<redacted by k-mcp: the name a)b suggests a credential>");
    }

    @Test
    @DisplayName("is found in a manifest's values and keys, with the path of each")
    void foundInManifest() {
        String marker = RedactionMarker.of("the name DB_PASSWORD suggests a credential");
        Map<String, Object> manifest = Map.of(
                "kind",
                "Deployment",
                "metadata",
                Map.of("annotations", Map.of("example.com/" + marker, "x")),
                "spec",
                Map.of("containers", List.of(Map.of("env", List.of(Map.of("name", "DB_PASSWORD", "value", marker))))));

        assertThat(RedactionMarker.pathsIn(manifest))
                .containsExactlyInAnyOrder(
                        "metadata.annotations['example.com/" + marker.replace("'", "\\'") + "']",
                        "spec.containers[0].env[0].value");
    }

    @Test
    @DisplayName("is not found where there is none")
    void absent() {
        assertThat(RedactionMarker.pathsIn(Map.of("data", Map.of("a", "<redacted>", "b", 3, "c", List.of("x")))))
                .isEmpty();
        assertThat(RedactionMarker.isIn(null)).isFalse();
    }
}
