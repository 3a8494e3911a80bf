package io.kmcp.domain.resolution;

import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Near misses for a name that matched nothing: offered to the caller, never chosen for it. */
final class Suggestions {

    static final int MAX_SUGGESTIONS = 5;

    /** Below this length a name that merely contains another says little (every type contains "s"). */
    static final int MIN_CONTAINED_LENGTH = 3;

    /** A typo costs one edit in a short name and up to two in a longer one. */
    static final int SHORT_NAME_LENGTH = 4;

    private static final int CONTAINED_SCORE = 3;

    private Suggestions() {}

    static List<ResourceType> forMissing(TypeReference reference, ApiCatalog catalog, AccessPolicy policy) {
        String wanted = reference.name().toLowerCase(Locale.ROOT);
        return catalog.defaultVersions().stream()
                .filter(policy::allows)
                .flatMap(type -> score(wanted, reference.group(), type).map(score -> new Scored(type, score)).stream())
                .sorted(Comparator.comparingInt(Scored::score)
                        .thenComparing(scored -> scored.type().fullyQualifiedName()))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::type)
                .toList();
    }

    /** Lower is closer; empty when the type is not a near miss at all. */
    private static Optional<Integer> score(String wanted, Optional<String> group, ResourceType type) {
        int allowedEdits = wanted.length() <= SHORT_NAME_LENGTH ? 1 : 2;
        Optional<Integer> nameScore = names(type)
                .map(name -> nameScore(wanted, name, allowedEdits))
                .flatMap(Optional::stream)
                .min(Integer::compare);
        int groupPenalty = group.map(g -> g.equals(type.group()) ? 0 : 1).orElse(0);
        return nameScore.map(score -> score + groupPenalty);
    }

    private static Optional<Integer> nameScore(String wanted, String name, int allowedEdits) {
        int distance = EditDistance.between(wanted, name);
        if (distance <= allowedEdits) {
            return Optional.of(distance);
        }
        if (contains(name, wanted) || contains(wanted, name)) {
            return Optional.of(CONTAINED_SCORE);
        }
        return Optional.empty();
    }

    private static boolean contains(String longer, String shorter) {
        return shorter.length() >= MIN_CONTAINED_LENGTH && longer.contains(shorter);
    }

    private static Stream<String> names(ResourceType type) {
        return Stream.concat(
                        Stream.of(type.plural(), type.singular(), type.kind().toLowerCase(Locale.ROOT)),
                        type.shortNames().stream())
                .filter(name -> !name.isEmpty());
    }

    private record Scored(ResourceType type, int score) {}
}
