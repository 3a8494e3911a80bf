package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("A type reference, for any reference")
class TypeReferencePropertyTest {

    @Property
    @Label("reads back what it writes")
    void roundTrips(@ForAll("references") TypeReference reference) {
        assertThat(TypeReference.parse(reference.toString())).isEqualTo(reference);
    }

    @Provide
    Arbitrary<TypeReference> references() {
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> labels =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> groups = labels.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
        Arbitrary<String> kubernetesVersions = Arbitraries.of("v1", "v2", "v1beta1", "v2alpha3");
        Arbitrary<String> anyVersions = Arbitraries.oneOf(kubernetesVersions, labels);
        Arbitrary<TypeReference> bare = names.map(TypeReference::named);
        // Group labels are letters only, so no group starts like a version.
        Arbitrary<TypeReference> grouped = Combinators.combine(names, groups).as(TypeReference::inGroup);
        Arbitrary<TypeReference> exact =
                Combinators.combine(names, anyVersions, groups).as(TypeReference::exactly);
        Arbitrary<TypeReference> core = Combinators.combine(names, kubernetesVersions)
                .as((name, version) -> TypeReference.exactly(name, version, ""));
        return Arbitraries.oneOf(bare, grouped, exact, core);
    }
}
