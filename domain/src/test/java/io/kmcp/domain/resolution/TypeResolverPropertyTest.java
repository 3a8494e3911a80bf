package io.kmcp.domain.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.ClusterCatalogFixture;
import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Type resolution, for any spelling")
class TypeResolverPropertyTest {

    /** The built-in restrictions plus one operator entry, so that both kinds are covered. */
    private static final AccessPolicy POLICY = AccessPolicy.withExtraRestrictions(List.of("sealedsecrets.bitnami.com"));

    private static final ApiCatalog CATALOG = ClusterCatalogFixture.catalog();
    private static final TypeResolver RESOLVER = new TypeResolver(POLICY);

    @PropertyTest
    @MethodSource("restrictedSpellings")
    @DisplayName("no spelling of a restricted type resolves to anything but Restricted, filtered or not")
    void restrictedTypesStayRestricted(Spelling spelling) {
        ApiCatalog catalog = spelling.filtered() ? POLICY.filter(CATALOG) : CATALOG;

        Resolution resolution = RESOLVER.resolve(catalog, TypeReference.parse(spelling.text()));

        assertThat(resolution).isInstanceOf(Resolution.Restricted.class);
        assertThat(resolution.message()).contains(" is restricted by this server's policy");
    }

    @PropertyTest
    @MethodSource("shuffledCatalogs")
    @DisplayName("the outcome does not depend on the order discovery listed the types in")
    void isDeterministic(Shuffled shuffled) {
        ApiCatalog catalog = ApiCatalog.of(shuffled.types(), ClusterCatalogFixture.PREFERRED_VERSIONS);

        assertThat(RESOLVER.resolve(catalog, shuffled.reference()))
                .isEqualTo(RESOLVER.resolve(CATALOG, shuffled.reference()));
    }

    @PropertyTest
    @MethodSource("references")
    @DisplayName("a catalog already filtered by the policy gives the same answer as the full one")
    void filteringChangesNothing(TypeReference reference) {
        assertThat(RESOLVER.resolve(POLICY.filter(CATALOG), reference)).isEqualTo(RESOLVER.resolve(CATALOG, reference));
    }

    @PropertyTest
    @MethodSource("references")
    @DisplayName("a resolved type always matches the reference exactly, by name, group and version")
    void resolvesOnlyExactMatches(TypeReference reference) {
        Resolution resolution = RESOLVER.resolve(CATALOG, reference);

        if (resolution instanceof Resolution.Resolved resolved) {
            ResourceType type = resolved.type();
            assertThat(type.isNamed(reference.name()) || type.hasShortName(reference.name()))
                    .isTrue();
            assertThat(reference.admits(type.group(), type.version())).isTrue();
            assertThat(POLICY.allows(type)).isTrue();
        }
    }

    @PropertyTest
    @MethodSource("references")
    @DisplayName("suggestions are at most five and never restricted")
    void suggestionsAreSafe(TypeReference reference) {
        Resolution resolution = RESOLVER.resolve(CATALOG, reference);

        if (resolution instanceof Resolution.NotFound notFound) {
            assertThat(notFound.suggestions()).hasSizeLessThanOrEqualTo(5).allMatch(POLICY::allows);
        }
    }

    @PropertyTest
    @MethodSource("allowedTypes")
    @DisplayName("a type's fully-qualified name resolves to exactly that type")
    void fullyQualifiedNamesResolve(ResourceType type) {
        Resolution resolution = RESOLVER.resolve(CATALOG, TypeReference.parse(type.fullyQualifiedName()));

        assertThat(resolution).isEqualTo(new Resolution.Resolved(TypeReference.parse(type.fullyQualifiedName()), type));
    }

    /** A way to write a restricted type, asked of the full catalog or of one the policy filtered. */
    record Spelling(String text, boolean filtered) {}

    /** A reference resolved against the catalog's types listed in another order. */
    record Shuffled(TypeReference reference, List<ResourceType> types) {

        @Override
        public String toString() {
            return reference + " among "
                    + types.stream().map(ResourceType::kind).toList();
        }
    }

    static Stream<Named<Spelling>> restrictedSpellings() {
        List<ResourceType> restricted =
                CATALOG.types().stream().filter(type -> !POLICY.allows(type)).toList();
        return Samples.of(random -> {
            ResourceType type = Samples.oneOf(random, restricted);
            String name = randomCase(Samples.oneOf(random, namesOf(type)), random);
            return new Spelling(Samples.oneOf(random, Form.values()).spell(name, type), random.nextBoolean());
        });
    }

    static Stream<Named<TypeReference>> references() {
        return Samples.of(TypeResolverPropertyTest::reference);
    }

    static Stream<Named<Shuffled>> shuffledCatalogs() {
        return Samples.of(
                random -> new Shuffled(reference(random), Samples.shuffled(random, ClusterCatalogFixture.TYPES)));
    }

    /** Every type the policy allows: few enough to try each. */
    static Stream<Named<ResourceType>> allowedTypes() {
        return Samples.each(CATALOG.types().stream().filter(POLICY::allows).toList());
    }

    /** A known name, one cut short by a letter, or a made-up one; alone, with a group, or exact. */
    private static TypeReference reference(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> TypeReference.named(name(random));
            case 1 -> TypeReference.inGroup(name(random), group(random));
            default ->
                TypeReference.exactly(
                        name(random),
                        Samples.oneOf(random, "v1", "v2", "v1alpha1", "v1alpha2", "v1beta1"),
                        random.nextBoolean() ? group(random) : "");
        };
    }

    private static String name(Random random) {
        List<String> known =
                CATALOG.types().stream().flatMap(type -> namesOf(type).stream()).toList();
        return switch (random.nextInt(3)) {
            case 0 -> Samples.oneOf(random, known);
            case 1 -> {
                String name = Samples.oneOf(random, known);
                yield name.substring(0, Math.max(1, name.length() - 1));
            }
            default -> Samples.string(random, "az", 1, 10);
        };
    }

    private static String group(Random random) {
        return Samples.oneOf(
                random,
                CATALOG.groups().stream().filter(group -> !group.isEmpty()).toList());
    }

    private static List<String> namesOf(ResourceType type) {
        List<String> names = new ArrayList<>(List.of(type.plural(), type.singular(), type.kind()));
        names.addAll(type.shortNames());
        return names;
    }

    private static String randomCase(String name, Random random) {
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
