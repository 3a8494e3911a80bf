package io.kmcp.domain.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A restricted type the policy knows by name in a definite group, whether or not discovery shows it.
 * Type resolution uses it so that a name that means a restricted type is refused as restricted, never
 * reported as missing nor silently taken for another type of the same name.
 *
 * @param names plurals, singulars and lower-case kinds, lower case
 * @param shortNames lower case
 */
public record KnownRestrictedType(
        String group, Set<String> names, Set<String> shortNames, PolicyDecision.Restricted decision) {

    public KnownRestrictedType {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(decision, "decision");
        names = Set.copyOf(names);
        shortNames = Set.copyOf(shortNames);
    }

    /** By a name the policy holds, or by the plural guessed from it ({@code SealedSecret}). */
    public boolean isNamed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return names.contains(lower)
                || Restriction.Plurals.guesses(lower).stream().anyMatch(names::contains);
    }

    public boolean hasShortName(String name) {
        return shortNames.contains(name.toLowerCase(Locale.ROOT));
    }
}
