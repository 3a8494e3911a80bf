package io.kmcp.domain.diagnosis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("evidence wording")
class WordingTest {

    @Test
    @DisplayName("durations in the unit a person would say")
    void human() {
        assertThat(Wording.human(Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(Wording.human(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Wording.human(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Wording.human(Duration.ofSeconds(7199))).isEqualTo("119m");
        assertThat(Wording.human(Duration.ofSeconds(7200))).isEqualTo("2h");
    }

    @Test
    @DisplayName("quoted messages on one line and at most 200 characters")
    void brief() {
        assertThat(Wording.brief("  panic:\n\tcannot   connect \n")).isEqualTo("panic: cannot connect");
        assertThat(Wording.brief("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(Wording.brief("x".repeat(201)))
                .isEqualTo("x".repeat(199) + "…")
                .hasSize(200);
    }

    @Test
    @DisplayName("at most three names, then how many more")
    void named() {
        assertThat(Wording.named(List.of("a", "b", "c"))).isEqualTo("a, b, c");
        assertThat(Wording.named(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c and 2 more");
    }
}
