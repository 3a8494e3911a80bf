package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Kubernetes version priority, for any versions")
class KubernetesVersionsPropertyTest {

    @PropertyTest
    @MethodSource("pairs")
    @DisplayName("is antisymmetric: swapping the arguments flips the sign")
    void isAntisymmetric(List<String> versions) {
        String left = versions.get(0);
        String right = versions.get(1);

        assertThat(Integer.signum(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(left, right)))
                .isEqualTo(-Integer.signum(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(right, left)));
    }

    @PropertyTest
    @MethodSource("triples")
    @DisplayName("is transitive, so sorting is well defined")
    void isTransitive(List<String> versions) {
        var order = KubernetesVersions.HIGHEST_PRIORITY_FIRST;
        // Each of the six orders of the three versions is a chance for the premise to hold.
        for (int[] at : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            String first = versions.get(at[0]);
            String second = versions.get(at[1]);
            String third = versions.get(at[2]);
            if (order.compare(first, second) <= 0 && order.compare(second, third) <= 0) {
                assertThat(order.compare(first, third))
                        .as("%s ≤ %s ≤ %s", first, second, third)
                        .isNotPositive();
            }
        }
    }

    static Stream<Named<List<String>>> pairs() {
        return Samples.of(random -> List.of(version(random), version(random)));
    }

    static Stream<Named<List<String>>> triples() {
        return Samples.of(random -> List.of(version(random), version(random), version(random)));
    }

    /** "v3", "v2beta1", "v10alpha12", or a word that does not look like a Kubernetes version. */
    private static String version(Random random) {
        if (random.nextBoolean()) {
            String level = Samples.oneOf(random, "", "alpha", "beta");
            return "v" + Samples.between(random, 1, 12)
                    + (level.isEmpty() ? "" : level + Samples.between(random, 1, 12));
        }
        return Samples.string(random, "az", 1, 5);
    }
}
