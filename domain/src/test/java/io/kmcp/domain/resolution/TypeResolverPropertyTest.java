package io.kmcp.domain.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.ClusterCatalogFixture;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Type resolution, for any spelling")
class TypeResolverPropertyTest {

    /** The built-in restrictions plus one operator entry, so that both kinds are covered. */
    private static final AccessPolicy POLICY = AccessPolicy.withExtraRestrictions(List.of("sealedsecrets.bitnami.com"));

    private static final ApiCatalog CATALOG = ClusterCatalogFixture.catalog();
    private static final TypeResolver RESOLVER = new TypeResolver(POLICY);

    @Property
    @Label("no spelling of a restricted type resolves to anything but Restricted, filtered or not")
    void restrictedTypesStayRestricted(@ForAll("restrictedSpellings") String spelling, @ForAll boolean filtered) {
        ApiCatalog catalog = filtered ? POLICY.filter(CATALOG) : CATALOG;

        Resolution resolution = RESOLVER.resolve(catalog, TypeReference.parse(spelling));

        assertThat(resolution).isInstanceOf(Resolution.Restricted.class);
        assertThat(resolution.message()).contains(" is restricted by this server's policy");
    }

    @Property
    @Label("the outcome does not depend on the order discovery listed the types in")
    void isDeterministic(
            @ForAll("references") TypeReference reference, @ForAll("shuffledTypes") List<ResourceType> types) {
        ApiCatalog shuffled = ApiCatalog.of(types, ClusterCatalogFixture.PREFERRED_VERSIONS);

        assertThat(RESOLVER.resolve(shuffled, reference)).isEqualTo(RESOLVER.resolve(CATALOG, reference));
    }

    @Property
    @Label("a catalog already filtered by the policy gives the same answer as the full one")
    void filteringChangesNothing(@ForAll("references") TypeReference reference) {
        assertThat(RESOLVER.resolve(POLICY.filter(CATALOG), reference)).isEqualTo(RESOLVER.resolve(CATALOG, reference));
    }

    @Property
    @Label("a resolved type always matches the reference exactly, by name, group and version")
    void resolvesOnlyExactMatches(@ForAll("references") TypeReference reference) {
        Resolution resolution = RESOLVER.resolve(CATALOG, reference);

        if (resolution instanceof Resolution.Resolved resolved) {
            ResourceType type = resolved.type();
            assertThat(type.isNamed(reference.name()) || type.hasShortName(reference.name()))
                    .isTrue();
            assertThat(reference.admits(type.group(), type.version())).isTrue();
            assertThat(POLICY.allows(type)).isTrue();
        }
    }

    @Property
    @Label("suggestions are at most five and never restricted")
    void suggestionsAreSafe(@ForAll("references") TypeReference reference) {
        Resolution resolution = RESOLVER.resolve(CATALOG, reference);

        if (resolution instanceof Resolution.NotFound notFound) {
            assertThat(notFound.suggestions()).hasSizeLessThanOrEqualTo(5).allMatch(POLICY::allows);
        }
    }

    @Property
    @Label("a type's fully-qualified name resolves to exactly that type")
    void fullyQualifiedNamesResolve(@ForAll("allowedTypes") ResourceType type) {
        Resolution resolution = RESOLVER.resolve(CATALOG, TypeReference.parse(type.fullyQualifiedName()));

        assertThat(resolution).isEqualTo(new Resolution.Resolved(TypeReference.parse(type.fullyQualifiedName()), type));
    }

    @Provide
    Arbitrary<String> restrictedSpellings() {
        List<ResourceType> restricted =
                CATALOG.types().stream().filter(type -> !POLICY.allows(type)).toList();
        return Arbitraries.of(restricted)
                .flatMap(type -> Combinators.combine(
                                Arbitraries.of(namesOf(type)), Arbitraries.of(Form.values()), Arbitraries.randoms())
                        .as((name, form, random) -> form.spell(randomCase(name, random), type)));
    }

    @Provide
    Arbitrary<TypeReference> references() {
        List<String> known =
                CATALOG.types().stream().flatMap(type -> namesOf(type).stream()).toList();
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(known),
                Arbitraries.of(known).map(name -> name.substring(0, Math.max(1, name.length() - 1))),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> groups = Arbitraries.of(
                CATALOG.groups().stream().filter(group -> !group.isEmpty()).toList());
        Arbitrary<String> versions = Arbitraries.of("v1", "v2", "v1alpha1", "v1alpha2", "v1beta1");
        return Arbitraries.oneOf(
                names.map(TypeReference::named),
                Combinators.combine(names, groups).as(TypeReference::inGroup),
                Combinators.combine(names, versions, Arbitraries.oneOf(groups, Arbitraries.just("")))
                        .as(TypeReference::exactly));
    }

    @Provide
    Arbitrary<List<ResourceType>> shuffledTypes() {
        return Arbitraries.shuffle(ClusterCatalogFixture.TYPES);
    }

    @Provide
    Arbitrary<ResourceType> allowedTypes() {
        return Arbitraries.of(CATALOG.types().stream().filter(POLICY::allows).toList());
    }

    private static List<String> namesOf(ResourceType type) {
        List<String> names = new ArrayList<>(List.of(type.plural(), type.singular(), type.kind()));
        names.addAll(type.shortNames());
        return names;
    }

    private static String randomCase(String name, java.util.Random random) {
        StringBuilder spelled = new StringBuilder();
        for (char c : name.toCharArray()) {
            spelled.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return spelled.toString();
    }

    /** The ways a caller can write a type. */
    enum Form {
        NAME,
        NAME_GROUP,
        NAME_VERSION_GROUP,
        SLASHED,
        API_VERSION_AND_NAME;

        String spell(String name, ResourceType type) {
            String group = type.group();
            return switch (this) {
                case NAME -> name;
                case NAME_GROUP -> type.isCore() ? name + "." + type.version() : name + "." + group;
                case NAME_VERSION_GROUP ->
                    Stream.of(name, type.version(), group)
                            .filter(part -> !part.isEmpty())
                            .reduce((left, right) -> left + "." + right)
                            .orElseThrow();
                case SLASHED -> type.isCore() ? type.version() + "/" + name : group + "/" + type.version() + "/" + name;
                case API_VERSION_AND_NAME -> type.groupVersion().toUpperCase(Locale.ROOT) + " " + name;
            };
        }
    }
}
