package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A type reference, for any reference")
class TypeReferencePropertyTest {

    @PropertyTest
    @MethodSource("references")
    @DisplayName("reads back what it writes")
    void roundTrips(TypeReference reference) {
        assertThat(TypeReference.parse(reference.toString())).isEqualTo(reference);
    }

    static Stream<Named<TypeReference>> references() {
        return Samples.of(TypeReferencePropertyTest::reference);
    }

    private static TypeReference reference(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> TypeReference.named(name(random));
            // Group labels are letters only, so no group starts like a version.
            case 1 -> TypeReference.inGroup(name(random), group(random));
            case 2 ->
                TypeReference.exactly(
                        name(random), random.nextBoolean() ? kubernetesVersion(random) : label(random), group(random));
            default -> TypeReference.exactly(name(random), kubernetesVersion(random), "");
        };
    }

    private static String name(Random random) {
        return Samples.string(random, "azAZ09", 1, 12);
    }

    private static String label(Random random) {
        return Samples.string(random, "az", 1, 8);
    }

    private static String group(Random random) {
        return String.join(".", Samples.list(random, 1, 3, TypeReferencePropertyTest::label));
    }

    private static String kubernetesVersion(Random random) {
        return Samples.oneOf(random, "v1", "v2", "v1beta1", "v2alpha3");
    }
}
