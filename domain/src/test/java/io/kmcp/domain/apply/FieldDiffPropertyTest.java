package io.kmcp.domain.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("The fields a server-side apply would change, for any object")
class FieldDiffPropertyTest {

    @Property
    @Label("an object compared with itself is unchanged")
    void selfIsUnchanged(@ForAll("objects") Map<String, Object> object) {
        assertThat(FieldDiff.between(object, object)).isEqualTo(new PlannedChange.Unchanged());
    }

    @Property
    @Label("the changed paths are the same in both directions, and in a fixed order")
    void symmetric(@ForAll("objects") Map<String, Object> left, @ForAll("objects") Map<String, Object> right) {
        List<String> paths = FieldDiff.changedPaths(left, right);

        assertThat(FieldDiff.changedPaths(right, left)).isEqualTo(paths);
        assertThat(paths).doesNotHaveDuplicates();
    }

    @Property
    @Label("a change never lists more than the bound, and counts the rest")
    void bounded(@ForAll("objects") Map<String, Object> left, @ForAll("objects") Map<String, Object> right) {
        int all = FieldDiff.changedPaths(left, right).size();

        PlannedChange change = FieldDiff.between(left, right);

        if (change instanceof PlannedChange.Change c) {
            assertThat(c.paths()).hasSizeLessThanOrEqualTo(FieldDiff.MAX_PATHS);
            assertThat(c.paths().size() + c.more()).isEqualTo(all);
        } else {
            assertThat(all).isZero();
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "spec", "app.kubernetes.io/name", "x-y");
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3).map(i -> i),
                Arbitraries.of("1", "web").map(s -> s),
                Arbitraries.of(true, false).map(b -> b));
        Arbitrary<Object> lists = leaves.list().ofMaxSize(3).map(l -> l);
        Arbitrary<Object> inner = Arbitraries.maps(keys, Arbitraries.oneOf(leaves, lists))
                .ofMaxSize(3)
                .map(m -> m);
        return Arbitraries.maps(keys, Arbitraries.oneOf(leaves, lists, inner)).ofMaxSize(5);
    }
}
