package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Labels")
class LabelsTest {

    @Test
    @DisplayName("labels sorted by key, as a selector reads")
    void selector() {
        assertThat(Labels.selector(Map.of("tier", "web", "app", "shop"))).isEqualTo("app=shop,tier=web");
    }
}
