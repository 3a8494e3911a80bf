package io.kmcp.domain.type;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.Texts;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One resource type in one version, as API discovery describes it. Subresources ({@code pods/log})
 * are not resource types.
 *
 * @param group the API group, {@code ""} for the core group
 * @param singular may be {@code ""}: older API servers leave it out of discovery
 * @param verbs what this server may do with the type; never a deletion (see {@link Verb})
 */
public record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        List<String> shortNames,
        boolean namespaced,
        Set<Verb> verbs) {

    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    public ResourceType {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(singular, "singular");
        Objects.requireNonNull(shortNames, "shortNames");
        Objects.requireNonNull(verbs, "verbs");
        require(group.isEmpty() || KubernetesNames.isDns1123Subdomain(group), "group", group);
        require(KubernetesNames.isDns1123Label(version), "version", version);
        require(!group.isEmpty() || KubernetesVersions.isKubernetesVersion(version), "core version", version);
        require(KIND.matcher(kind).matches(), "kind", kind);
        require(KubernetesNames.isDns1123Label(plural), "plural", plural);
        require(singular.isEmpty() || KubernetesNames.isDns1123Label(singular), "singular", singular);
        shortNames.forEach(shortName -> require(KubernetesNames.isDns1123Label(shortName), "short name", shortName));
        shortNames = List.copyOf(shortNames);
        verbs = verbs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(verbs));
    }

    private static void require(boolean valid, String what, String value) {
        if (!valid) {
            throw new InvalidInputException("A resource type from discovery has an invalid " + what + " "
                    + Texts.quote(value)
                    + "; groups, versions, plurals and short names are lower-case DNS names and kinds are"
                    + " alphanumeric.");
        }
    }

    public boolean isCore() {
        return group.isEmpty();
    }

    /** {@code v1} for the core group, {@code apps/v1} otherwise: the {@code apiVersion} of its objects. */
    public String groupVersion() {
        return isCore() ? version : group + "/" + version;
    }

    /**
     * The one name that selects exactly this type in this version, used in every message: {@code
     * pods.v1}, {@code deployments.v1.apps}. It parses back ({@link TypeReference#parse}) to a
     * reference that resolves to this type.
     */
    public String fullyQualifiedName() {
        return TypeReference.canonical(plural, version, group);
    }

    /** The type in all its versions, as kubectl names it: {@code pods}, {@code deployments.apps}. */
    public String groupResource() {
        return isCore() ? plural : plural + "." + group;
    }

    /** True if the name is its plural, singular or kind, in any case. */
    public boolean isNamed(String name) {
        return plural.equalsIgnoreCase(name)
                || (!singular.isEmpty() && singular.equalsIgnoreCase(name))
                || kind.equalsIgnoreCase(name);
    }

    /** True if the name is one of its short names, in any case. */
    public boolean hasShortName(String name) {
        return shortNames.stream().anyMatch(shortName -> shortName.equalsIgnoreCase(name));
    }

    public boolean supports(Verb verb) {
        return verbs.contains(verb);
    }

    /** The same type as served in another version of its group. */
    public boolean isSameTypeAs(ResourceType other) {
        return group.equals(other.group) && plural.equals(other.plural);
    }
}
