package io.kmcp.domain.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The fields a server-side apply would change, for any object")
class FieldDiffPropertyTest {

    private static final List<String> KEYS = List.of("a", "b", "spec", "app.kubernetes.io/name", "x-y");

    @PropertyTest
    @MethodSource("objects")
    @DisplayName("an object compared with itself is unchanged")
    void selfIsUnchanged(Map<String, Object> object) {
        assertThat(FieldDiff.between(object, object)).isEqualTo(new PlannedChange.Unchanged());
    }

    @PropertyTest
    @MethodSource("pairs")
    @DisplayName("the changed paths are the same in both directions, and in a fixed order")
    void symmetric(Pair pair) {
        List<String> paths = FieldDiff.changedPaths(pair.left(), pair.right());

        assertThat(FieldDiff.changedPaths(pair.right(), pair.left())).isEqualTo(paths);
        assertThat(paths).doesNotHaveDuplicates();
    }

    @PropertyTest
    @MethodSource("pairs")
    @DisplayName("a change never lists more than the bound, and counts the rest")
    void bounded(Pair pair) {
        int all = FieldDiff.changedPaths(pair.left(), pair.right()).size();

        PlannedChange change = FieldDiff.between(pair.left(), pair.right());

        if (change instanceof PlannedChange.Change c) {
            assertThat(c.paths()).hasSizeLessThanOrEqualTo(FieldDiff.MAX_PATHS);
            assertThat(c.paths().size() + c.more()).isEqualTo(all);
        } else {
            assertThat(all).isZero();
        }
    }

    record Pair(Map<String, Object> left, Map<String, Object> right) {}

    static Stream<Named<Map<String, Object>>> objects() {
        return Samples.of(FieldDiffPropertyTest::object);
    }

    static Stream<Named<Pair>> pairs() {
        return Samples.of(random -> new Pair(object(random), object(random)));
    }

    /** Up to five fields of leaves, lists of leaves, or objects of leaves and lists. */
    private static Map<String, Object> object(Random random) {
        return map(random, 5, value -> switch (value.nextInt(3)) {
            case 0 -> leaf(value);
            case 1 -> leaves(value);
            default -> map(value, 3, inner -> inner.nextBoolean() ? leaf(inner) : leaves(inner));
        });
    }

    private static Map<String, Object> map(Random random, int maxSize, Function<Random, Object> value) {
        int size = Samples.between(random, 0, maxSize);
        Map<String, Object> map = new LinkedHashMap<>();
        while (map.size() < size) {
            map.put(Samples.oneOf(random, KEYS), value.apply(random));
        }
        return map;
    }

    private static Object leaves(Random random) {
        return Samples.list(random, 3, FieldDiffPropertyTest::leaf);
    }

    private static Object leaf(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Samples.between(random, 0, 3);
            case 1 -> Samples.oneOf(random, "1", "web");
            default -> random.nextBoolean();
        };
    }
}
