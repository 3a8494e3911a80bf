package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Kubernetes version priority, for any versions")
class KubernetesVersionsPropertyTest {

    @Property
    @Label("is antisymmetric: swapping the arguments flips the sign")
    void isAntisymmetric(@ForAll("versions") String left, @ForAll("versions") String right) {
        assertThat(Integer.signum(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(left, right)))
                .isEqualTo(-Integer.signum(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(right, left)));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> conforming = Combinators.combine(
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.of("", "alpha", "beta"),
                        Arbitraries.integers().between(1, 12))
                .as((major, level, minor) -> "v" + major + (level.isEmpty() ? "" : level + minor));
        return Arbitraries.oneOf(
                conforming,
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5));
    }

    @Property
    @Label("is transitive, so sorting is well defined")
    void isTransitive(
            @ForAll("versions") String first, @ForAll("versions") String second, @ForAll("versions") String third) {
        var order = KubernetesVersions.HIGHEST_PRIORITY_FIRST;
        if (order.compare(first, second) <= 0 && order.compare(second, third) <= 0) {
            assertThat(order.compare(first, third)).isNotPositive();
        }
    }
}
