package io.kmcp.domain.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The position of a document")
class PositionTest {

    @Test
    @DisplayName("reads as people count: document 3, or document 1, item 2 for an item of a List")
    void reads() {
        assertThat(Position.of(3)).hasToString("document 3");
        assertThat(Position.of(1).item(2)).hasToString("document 1, item 2");
        assertThat(Position.of(1).item(2).item(1)).hasToString("document 1, item 2.1");
    }

    @Test
    @DisplayName("orders documents as written, items within their list")
    void orders() {
        List<Position> positions = new ArrayList<>(List.of(
                Position.of(2),
                Position.of(1).item(2),
                Position.of(1).item(1).item(3),
                Position.of(1).item(1),
                Position.of(1)));

        positions.sort(null);

        assertThat(positions)
                .containsExactly(
                        Position.of(1),
                        Position.of(1).item(1),
                        Position.of(1).item(1).item(3),
                        Position.of(1).item(2),
                        Position.of(2));
        assertThat(Position.of(4).compareTo(Position.of(4))).isZero();
    }

    @Test
    @DisplayName("counts from 1")
    void countsFromOne() {
        assertThatThrownBy(() -> Position.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Position.of(1).item(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Position.of(1).item(1).items()).containsExactly(1);
    }
}
