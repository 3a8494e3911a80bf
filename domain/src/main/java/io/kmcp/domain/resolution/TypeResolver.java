package io.kmcp.domain.resolution;

import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.policy.KnownRestrictedType;
import io.kmcp.domain.policy.PolicyDecision;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Finds the one type a reference names, the way kubectl does but stricter:
 *
 * <ol>
 *   <li>Exact, case-insensitive names: plural, singular or kind first; short names only when nothing
 *       has such a name. A group and a version, when given, must match exactly.
 *   <li>Without a version, each type counts once, in its group's preferred version (or its highest).
 *   <li>Types in several groups: the single core one wins ({@code services} is core even with Knative
 *       installed); otherwise the reference is ambiguous.
 *   <li>If the chosen type, or any type of an ambiguity, is restricted, the answer is {@link
 *       Resolution.Restricted}, also when discovery hides the type but the policy knows its name.
 *   <li>Nothing found: near misses become suggestions, never a choice.
 * </ol>
 *
 * <p>Give it the catalog as discovery returned it or already filtered by the policy: the outcome is the
 * same. The outcome depends only on the catalog's content, not on its order.
 */
public final class TypeResolver {

    private final AccessPolicy policy;

    public TypeResolver(AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Resolution resolve(ApiCatalog catalog, TypeReference reference) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(reference, "reference");
        List<ResourceType> admitted = catalog.types().stream()
                .filter(type -> reference.admits(type.group(), type.version()))
                .toList();
        List<Candidate> candidates =
                candidates(admitted, reference, ResourceType::isNamed, KnownRestrictedType::isNamed);
        if (candidates.isEmpty()) {
            candidates = candidates(admitted, reference, ResourceType::hasShortName, KnownRestrictedType::hasShortName);
        }
        if (candidates.isEmpty()) {
            if (policy.decideByName(reference) instanceof PolicyDecision.Restricted restricted) {
                return new Resolution.Restricted(reference, restricted, List.of());
            }
            return new Resolution.NotFound(reference, Suggestions.forMissing(reference, catalog, policy));
        }
        return choose(reference, inDefaultVersions(candidates, catalog));
    }

    /**
     * Types of the catalog, and restricted types the policy knows by name, that the reference names.
     * The known ones make a catalog the policy already filtered give the same answers as the full one;
     * where the catalog shows such a type too, the two restricted candidates lead to the same refusal.
     */
    private List<Candidate> candidates(
            List<ResourceType> admitted,
            TypeReference reference,
            BiPredicate<ResourceType, String> typeMatches,
            BiPredicate<KnownRestrictedType, String> knownMatches) {
        List<ResourceType> served = admitted.stream()
                .filter(type -> typeMatches.test(type, reference.name()))
                .toList();
        Stream<Candidate> knownToPolicy = policy.knownRestrictedTypes().stream()
                .filter(known -> reference.group().map(known.group()::equals).orElse(true))
                .filter(known -> knownMatches.test(known, reference.name()))
                .map(KnownToPolicy::new);
        return Stream.concat(served.stream().map(Served::new), knownToPolicy).toList();
    }

    private static List<Candidate> inDefaultVersions(List<Candidate> candidates, ApiCatalog catalog) {
        List<ResourceType> served = candidates.stream()
                .flatMap(candidate -> candidate instanceof Served s ? Stream.of(s.type()) : Stream.empty())
                .toList();
        Stream<Candidate> oneVersionEach = ApiCatalog.byType(served).values().stream()
                .map(catalog::defaultVersion)
                .map(Served::new);
        Stream<Candidate> knownToPolicy = candidates.stream().filter(KnownToPolicy.class::isInstance);
        return Stream.concat(oneVersionEach, knownToPolicy).toList();
    }

    private Resolution choose(TypeReference reference, List<Candidate> candidates) {
        Optional<Candidate> winner = winner(reference, candidates);
        // A restricted winner is no alternative to itself; an unrestricted one is resolved, not refused.
        List<ResourceType> alternatives = candidates.stream()
                .flatMap(candidate -> candidate instanceof Served s ? Stream.of(s.type()) : Stream.empty())
                .filter(policy::allows)
                .toList();
        if (winner.isPresent()) {
            Optional<PolicyDecision.Restricted> restricted = restriction(winner.get());
            if (restricted.isPresent()) {
                return new Resolution.Restricted(reference, restricted.get(), alternatives);
            }
            return new Resolution.Resolved(reference, ((Served) winner.get()).type());
        }
        Optional<PolicyDecision.Restricted> anyRestricted = candidates.stream()
                .map(this::restriction)
                .flatMap(Optional::stream)
                .findFirst();
        if (anyRestricted.isPresent()) {
            return new Resolution.Restricted(reference, anyRestricted.get(), alternatives);
        }
        return new Resolution.Ambiguous(
                reference, candidates.stream().map(c -> ((Served) c).type()).toList());
    }

    /** The only candidate, or the only core one when the reference names no group. */
    private static Optional<Candidate> winner(TypeReference reference, List<Candidate> candidates) {
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (reference.group().isPresent()) {
            return Optional.empty();
        }
        List<Candidate> core = candidates.stream()
                .filter(candidate -> candidate.group().isEmpty())
                .toList();
        return core.size() == 1 ? Optional.of(core.get(0)) : Optional.empty();
    }

    private Optional<PolicyDecision.Restricted> restriction(Candidate candidate) {
        if (candidate instanceof KnownToPolicy known) {
            return Optional.of(known.known().decision());
        }
        PolicyDecision decision = policy.decide(((Served) candidate).type());
        return decision instanceof PolicyDecision.Restricted restricted ? Optional.of(restricted) : Optional.empty();
    }

    private sealed interface Candidate {
        String group();
    }

    /** A type discovery reports. */
    private record Served(ResourceType type) implements Candidate {
        @Override
        public String group() {
            return type.group();
        }
    }

    /** A restricted type the policy knows by name, whether or not discovery shows it. */
    private record KnownToPolicy(KnownRestrictedType known) implements Candidate {
        @Override
        public String group() {
            return known.group();
        }
    }
}
