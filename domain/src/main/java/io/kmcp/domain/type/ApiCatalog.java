package io.kmcp.domain.type;

import io.kmcp.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What one cluster serves, as discovery said at one moment: every resource type in every version, and
 * each group's preferred version. Immutable; the types are kept in one fixed order (group, plural,
 * version priority) so that nothing computed from a catalog depends on the order discovery answered
 * in.
 *
 * @param preferredVersions group ({@code ""} for core) to its preferred version
 */
public record ApiCatalog(List<ResourceType> types, Map<String, String> preferredVersions) {

    /** The order of {@link #types()}: by group, then plural, then the version to prefer first. */
    public static final Comparator<ResourceType> CANONICAL_ORDER = Comparator.comparing(ResourceType::group)
            .thenComparing(ResourceType::plural)
            .thenComparing(ResourceType::version, KubernetesVersions.HIGHEST_PRIORITY_FIRST);

    public ApiCatalog {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(preferredVersions, "preferredVersions");
        List<ResourceType> sorted = new ArrayList<>(types);
        sorted.sort(CANONICAL_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (CANONICAL_ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw new InvalidInputException("Discovery lists "
                        + sorted.get(i).fullyQualifiedName() + " twice; a catalog holds each type and version once.");
            }
        }
        types = List.copyOf(sorted);
        preferredVersions = Collections.unmodifiableMap(new TreeMap<>(preferredVersions));
    }

    public static ApiCatalog of(Collection<ResourceType> types, Map<String, String> preferredVersions) {
        return new ApiCatalog(List.copyOf(types), preferredVersions);
    }

    public static ApiCatalog empty() {
        return new ApiCatalog(List.of(), Map.of());
    }

    public Optional<String> preferredVersion(String group) {
        return Optional.ofNullable(preferredVersions.get(group));
    }

    /** Every group that serves at least one type, {@code ""} (core) first. */
    public SortedSet<String> groups() {
        return types.stream().map(ResourceType::group).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The version to use when a caller does not name one: the group's preferred version if it serves
     * this type, otherwise the highest by Kubernetes version priority.
     *
     * @param versionsOfOneType the same type (group and plural) in one or more versions
     */
    public ResourceType defaultVersion(Collection<ResourceType> versionsOfOneType) {
        if (versionsOfOneType.isEmpty()) {
            throw new IllegalArgumentException("no versions to choose from");
        }
        ResourceType any = versionsOfOneType.iterator().next();
        if (!versionsOfOneType.stream().allMatch(any::isSameTypeAs)) {
            throw new IllegalArgumentException("versions of different types: " + versionsOfOneType);
        }
        Optional<String> preferred = preferredVersion(any.group());
        return versionsOfOneType.stream()
                .filter(type -> preferred.filter(type.version()::equals).isPresent())
                .findFirst()
                .orElseGet(() -> versionsOfOneType.stream()
                        .min(Comparator.comparing(ResourceType::version, KubernetesVersions.HIGHEST_PRIORITY_FIRST))
                        .orElseThrow());
    }

    /** Each type once, in its {@link #defaultVersion default version}, in canonical order. */
    public List<ResourceType> defaultVersions() {
        return byType(types).values().stream().map(this::defaultVersion).toList();
    }

    /** The same catalog with only the types that pass; preferred versions are kept. */
    public ApiCatalog filter(Predicate<ResourceType> keep) {
        return new ApiCatalog(types.stream().filter(keep).toList(), preferredVersions);
    }

    /** Groups types by group and plural, keeping canonical order. */
    public static Map<String, List<ResourceType>> byType(Collection<ResourceType> types) {
        Map<String, List<ResourceType>> byType = new LinkedHashMap<>();
        types.stream()
                .sorted(CANONICAL_ORDER)
                .forEach(type -> byType.computeIfAbsent(type.groupResource(), key -> new ArrayList<>())
                        .add(type));
        return byType;
    }
}
