package io.kmcp.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A completion")
class CompletionTest {

    @Test
    @DisplayName("carries the first hundred matches, the count of all of them, and says more exist")
    void capsAtOneHundred() {
        List<String> matches =
                IntStream.range(0, 150).mapToObj(i -> "name-%03d".formatted(i)).toList();

        Completion completion = Completion.of(matches, false);

        assertThat(completion.values()).hasSize(100).startsWith("name-000").endsWith("name-099");
        assertThat(completion.total()).isEqualTo(150);
        assertThat(completion.hasMore()).isTrue();
    }

    @Test
    @DisplayName("exactly one hundred matches seen whole have nothing more")
    void exactlyOneHundred() {
        List<String> matches = IntStream.range(0, 100).mapToObj(i -> "n" + i).toList();

        Completion completion = Completion.of(matches, false);

        assertThat(completion.values()).hasSize(100);
        assertThat(completion.hasMore()).isFalse();
    }

    @Test
    @DisplayName("a few matches from a listing cut short may have more")
    void cutListing() {
        Completion completion = Completion.of(List.of("web"), true);

        assertThat(completion.values()).containsExactly("web");
        assertThat(completion.total()).isEqualTo(1);
        assertThat(completion.hasMore()).isTrue();
    }

    @Test
    @DisplayName("refuses more than one hundred values, or a total below the values given")
    void refusesWhatTheProtocolForbids() {
        List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> "n" + i).toList();

        assertThatThrownBy(() -> new Completion(tooMany, 101, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> new Completion(List.of("a", "b"), 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than");
        assertThat(Completion.none()).isEqualTo(new Completion(List.of(), 0, false));
    }
}
