package io.kmcp.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading fields of a JSON-decoded object")
class JsonTreeTest {

    private static JsonTree value(Object value) {
        return JsonTree.of(value);
    }

    @Test
    @DisplayName("a dotted path walks maps; anything else on the way reads as absent")
    void paths() {
        JsonTree object = JsonTree.of(Map.of("status", Map.of("phase", "Running"), "spec", List.of(1)));

        assertThat(object.at("status.phase").string()).contains("Running");
        assertThat(object.at("status.missing").present()).isFalse();
        assertThat(object.at("spec.containers").present()).isFalse();
        assertThat(object.at("status.phase.deeper").present()).isFalse();
        assertThat(JsonTree.of(null).at("anything").present()).isFalse();
    }

    @Test
    @DisplayName("text as is, an empty string as absent, booleans and numbers as text")
    void strings() {
        assertThat(value("web").string()).contains("web");
        assertThat(value("").string()).isEmpty();
        assertThat(value("").string("fallback")).isEqualTo("fallback");
        assertThat(value(true).string()).contains("true");
        assertThat(value(false).string()).contains("false");
        assertThat(value(3).string()).contains("3");
        assertThat(value(3.0).string()).contains("3");
        assertThat(value(List.of()).string()).isEmpty();
    }

    @Test
    @DisplayName("fractions as plain decimals, never in exponent notation")
    void decimals() {
        assertThat(value(0.5).string()).contains("0.5");
        assertThat(value(1.50).string()).contains("1.5");
        assertThat(value(1e-7).string()).contains("0.0000001");
        assertThat(value(new BigDecimal("2.500")).string()).contains("2.5");
        assertThat(value(1e21).string()).as("too big for a long").contains("1000000000000000000000");
        assertThat(value(1e21).number()).isEmpty();
    }

    @Test
    @DisplayName("a whole number from Integer, Long, Double or String; anything else is absent")
    void numbers() {
        assertThat(value(3).number()).contains(3L);
        assertThat(value(3L).number()).contains(3L);
        assertThat(value(3.0).number()).contains(3L);
        assertThat(value(" 3 ").number()).contains(3L);
        assertThat(value("3.5").number()).isEmpty();
        assertThat(value("three").number()).isEmpty();
        assertThat(value(true).number()).isEmpty();
        assertThat(value(null).number()).isEmpty();
    }

    @Test
    @DisplayName("an int clamped to its range, never wrapped around")
    void integers() {
        assertThat(value(7L).integer()).contains(7);
        assertThat(value(1e12).integer()).contains(Integer.MAX_VALUE);
        assertThat(value(-1e12).integer()).contains(Integer.MIN_VALUE);
        assertThat(value("x").integer(4)).isEqualTo(4);
    }

    @Test
    @DisplayName("true is true or \"true\"; anything else is false")
    void booleans() {
        assertThat(value(true).bool()).isTrue();
        assertThat(value("true").bool()).isTrue();
        assertThat(value("yes").bool()).isFalse();
        assertThat(value(1).bool()).isFalse();
        assertThat(value(null).bool()).isFalse();
    }

    @Test
    @DisplayName("an instant from RFC 3339 text only")
    void instants() {
        assertThat(value("2026-11-23T10:00:00Z").instant()).contains(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(value("yesterday").instant()).isEmpty();
        assertThat(value(1_700_000_000L).instant()).isEmpty();
    }

    @Test
    @DisplayName("a list's items, or none when it is no list")
    void lists() {
        assertThat(value(List.of("a", "b")).list())
                .extracting(item -> item.string(""))
                .containsExactly("a", "b");
        assertThat(value(Map.of("a", 1)).list()).isEmpty();
    }

    @Test
    @DisplayName("a map of strings sorted by key, numbers and booleans as text, nested values and null keys left out")
    void stringMaps() {
        Map<Object, Object> labels = new HashMap<>();
        labels.put("tier", "web");
        labels.put("cpu", 0.5);
        labels.put("pods", 110);
        labels.put("spot", true);
        labels.put("nested", Map.of("a", "b"));
        labels.put("empty", "");
        labels.put(null, "x");

        assertThat(value(labels).strings())
                .containsExactly(
                        Map.entry("cpu", "0.5"),
                        Map.entry("pods", "110"),
                        Map.entry("spot", "true"),
                        Map.entry("tier", "web"));
        assertThat(value("not a map").strings()).isEmpty();
    }

    @Test
    @DisplayName("a map's keys sorted, whatever their values, null keys left out; none when it is no map")
    void keys() {
        Map<Object, Object> labels = new HashMap<>();
        labels.put("node-role.kubernetes.io/worker", "");
        labels.put("node-role.kubernetes.io/control-plane", "");
        labels.put("nested", Map.of("a", "b"));
        labels.put(null, "x");

        assertThat(value(labels).keys())
                .containsExactly("nested", "node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/worker");
        assertThat(value(List.of("a")).keys()).isEmpty();
        assertThat(value(null).keys()).isEmpty();
    }
}
