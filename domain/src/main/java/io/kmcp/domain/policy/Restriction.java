package io.kmcp.domain.policy;

import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One rule of the policy: a type known by its names, or a whole API group. */
sealed interface Restriction {

    String why();

    boolean restricts(ResourceType type);

    boolean restricts(String group, String plural);

    boolean restrictsKind(String group, String kind);

    /** True if the reference can only mean a type this rule restricts, judged by names alone. */
    boolean isNamedBy(TypeReference reference);

    /**
     * A type known by name.
     *
     * @param group empty: the type in any group
     * @param names plurals, singulars and lower-case kinds, lower case
     * @param shortNames lower case
     * @param subject how messages name the type when discovery does not
     */
    record NamedType(Optional<String> group, Set<String> names, Set<String> shortNames, String subject, String why)
            implements Restriction {

        public NamedType {
            names = Set.copyOf(names);
            shortNames = Set.copyOf(shortNames);
        }

        static NamedType core(String plural, String singular, Set<String> shortNames, String why) {
            return new NamedType(Optional.of(""), Set.of(plural, singular), shortNames, plural, why);
        }

        static NamedType inGroup(String group, String plural, String singular, String why) {
            return new NamedType(Optional.of(group), Set.of(plural, singular), Set.of(), plural + "." + group, why);
        }

        private boolean inScope(String typeGroup) {
            return group.map(typeGroup::equals).orElse(true);
        }

        /**
         * By the name itself, or by the plural guessed from it: a kind ({@code ConfigMap}) then meets an
         * entry written as a plural ({@code configmaps}) even where only one of the two is known. The
         * rule's short names are not used here: another type may have the same short name ({@code sa}),
         * so they only say what a caller who typed one meant.
         */
        private boolean knows(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return names.contains(lower) || Plurals.guesses(lower).stream().anyMatch(names::contains);
        }

        @Override
        public boolean restricts(ResourceType type) {
            return inScope(type.group())
                    && (knows(type.plural())
                            || (!type.singular().isEmpty() && knows(type.singular()))
                            || knows(type.kind())
                            || type.shortNames().stream().anyMatch(this::knows));
        }

        @Override
        public boolean restricts(String group, String plural) {
            return inScope(group) && knows(plural);
        }

        @Override
        public boolean restrictsKind(String group, String kind) {
            return inScope(group)
                    && (knows(kind) || Plurals.guesses(kind).stream().anyMatch(this::knows));
        }

        @Override
        public boolean isNamedBy(TypeReference reference) {
            boolean groupMatches = reference.group().isEmpty()
                    || group.isEmpty()
                    || group.get().equals(reference.group().get());
            return groupMatches
                    && (knows(reference.name())
                            || shortNames.contains(reference.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Every type of one API group, whatever its name. */
    record WholeGroup(String group, String why) implements Restriction {

        @Override
        public boolean restricts(ResourceType type) {
            return type.group().equals(group);
        }

        @Override
        public boolean restricts(String group, String plural) {
            return this.group.equals(group);
        }

        @Override
        public boolean restrictsKind(String group, String kind) {
            return this.group.equals(group);
        }

        @Override
        public boolean isNamedBy(TypeReference reference) {
            return reference.group().filter(group::equals).isPresent();
        }
    }

    /** The plural kubectl would guess for a kind, in every variant it might take, lower case. */
    final class Plurals {
        private Plurals() {}

        static Set<String> guesses(String kind) {
            String lower = kind.toLowerCase(Locale.ROOT);
            Set<String> guesses = new HashSet<>();
            guesses.add(lower + "s");
            guesses.add(lower + "es");
            if (lower.endsWith("y")) {
                guesses.add(lower.substring(0, lower.length() - 1) + "ies");
            }
            return guesses;
        }
    }
}
