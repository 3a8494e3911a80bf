package io.kmcp.domain.type;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource type as a caller names it, before it is looked up: a name (plural, singular, kind or short
 * name, in any case), narrowed by a version and a group when given.
 *
 * <p>Accepted spellings: {@code pods}, {@code po}, {@code Pod}; dotted {@code deployments.apps},
 * {@code deployments.v1.apps}, {@code Deployment.v1.apps}, {@code pods.v1} (core);
 * slashed {@code apps/v1/Deployment}, {@code v1/Pod}; and an apiVersion and a kind separated by one
 * space, {@code apps/v1 Deployment}. In the dotted form the second part is a version only if it looks
 * like one ({@code v1}, {@code v2beta1}); otherwise everything after the name is the group. A group
 * whose first part looks like a version can therefore only be named with its version.
 *
 * @param version present only together with a group
 * @param group {@code Optional.of("")} names the core group; empty means any group
 */
public record TypeReference(String name, Optional<String> version, Optional<String> group) {

    public static final int MAX_LENGTH = KubernetesNames.MAX_SUBDOMAIN_LENGTH;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?");
    private static final Pattern ALLOWED = Pattern.compile("[-A-Za-z0-9./ ]*");
    private static final String EXAMPLES = "pods, deployments.apps, deployments.v1.apps or apps/v1/Deployment";

    public TypeReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(group, "group");
        if (!NAME.matcher(name).matches()) {
            throw invalid(name, "is not a resource name: use letters, digits and '-' only, e.g. " + EXAMPLES);
        }
        version = version.map(v -> v.toLowerCase(Locale.ROOT));
        group = group.map(g -> g.toLowerCase(Locale.ROOT));
        version.ifPresent(v -> {
            if (!KubernetesNames.isDns1123Label(v)) {
                throw invalid(v, "is not an API version: versions look like v1, v1beta1 or v2alpha1");
            }
        });
        group.ifPresent(g -> {
            if (!g.isEmpty() && !KubernetesNames.isDns1123Subdomain(g)) {
                throw invalid(g, "is not an API group: groups are DNS names such as apps or networking.k8s.io");
            }
        });
        if (version.isPresent() && group.isEmpty()) {
            throw new InvalidInputException("A version needs a group: write " + name + "." + version.get()
                    + " for the core group or " + name + "." + version.get() + ".<group> otherwise.");
        }
        if (version.filter(v -> !KubernetesVersions.isKubernetesVersion(v)).isPresent()
                && group.filter(String::isEmpty).isPresent()) {
            throw invalid(version.get(), "is not a version of the core group, which has only versions such as v1");
        }
        if (version.isEmpty() && group.filter(String::isEmpty).isPresent()) {
            throw new InvalidInputException("The core group can only be named together with a version: write " + name
                    + ".v1 or v1/" + name + ".");
        }
        if (version.isEmpty() && group.filter(TypeReference::startsWithVersion).isPresent()) {
            throw new InvalidInputException("Group " + Texts.quote(group.get())
                    + " starts like a version, so " + name + "." + group.get()
                    + " is ambiguous; add the version: <group>/<version>/" + name + ".");
        }
    }

    /** Any type with this name, in any group. */
    public static TypeReference named(String name) {
        return new TypeReference(name, Optional.empty(), Optional.empty());
    }

    /** A type with this name in this group ({@code ""} is not allowed here: use a version with it). */
    public static TypeReference inGroup(String name, String group) {
        return new TypeReference(name, Optional.empty(), Optional.of(group));
    }

    /** Exactly this group and version; {@code ""} for the core group. */
    public static TypeReference exactly(String name, String version, String group) {
        return new TypeReference(name, Optional.of(version), Optional.of(group));
    }

    /**
     * The type of a manifest: its {@code kind} and its {@code apiVersion} ({@code v1} or {@code
     * apps/v1}).
     */
    public static TypeReference ofManifest(String apiVersion, String kind) {
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new InvalidInputException(
                    "apiVersion is missing; set it to the type's group and version, e.g. apps/v1 or v1.");
        }
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind is missing; set it to the type's kind, e.g. Deployment.");
        }
        String[] parts = apiVersion.split("/", -1);
        if (parts.length == 1) {
            return exactly(kind, parts[0], "");
        }
        if (parts.length == 2 && !parts[0].isEmpty()) {
            return exactly(kind, parts[1], parts[0]);
        }
        throw new InvalidInputException("apiVersion " + Texts.quote(apiVersion)
                + " is malformed; it is <group>/<version> (apps/v1) or, for the core group, <version> (v1).");
    }

    /** Reads what a caller typed; the message of the exception says how to write it instead. */
    public static TypeReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("The resource type is empty; name one, e.g. " + EXAMPLES + ".");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException("The resource type is " + trimmed.length()
                    + " characters long; a resource type has at most " + MAX_LENGTH + ".");
        }
        if (!ALLOWED.matcher(trimmed).matches()) {
            throw invalid(
                    trimmed,
                    "contains characters a resource type never has; use letters, digits, '.',"
                            + " '-' and '/' only, e.g. " + EXAMPLES);
        }
        if (trimmed.contains(" ")) {
            return parseApiVersionAndKind(trimmed);
        }
        if (trimmed.contains("/")) {
            return parseSlashed(trimmed);
        }
        return parseDotted(trimmed);
    }

    private static TypeReference parseApiVersionAndKind(String text) {
        String[] parts = text.split(" ", -1);
        if (parts.length != 2 || !looksLikeApiVersion(parts[0]) || parts[1].isEmpty() || parts[1].contains("/")) {
            throw invalid(
                    text,
                    "contains whitespace; write a type without spaces, e.g. " + EXAMPLES
                            + ", or as an apiVersion, one space and a kind: apps/v1 Deployment");
        }
        return ofManifest(parts[0], parts[1]);
    }

    private static TypeReference parseSlashed(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 3 && !parts[0].isEmpty()) {
            return exactly(parts[2], parts[1], parts[0]);
        }
        if (parts.length == 2 && isVersion(parts[0])) {
            return exactly(parts[1], parts[0], "");
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            throw invalid(
                    text,
                    "names a subresource; subresources cannot be used here. Name the resource type" + " itself ("
                            + parts[0] + "), or write <group>/<version>/<kind> such as apps/v1/Deployment");
        }
        throw invalid(
                text,
                "is malformed; write <group>/<version>/<kind> (apps/v1/Deployment), <version>/<kind>"
                        + " for the core group (v1/Pod), or a dotted name such as deployments.apps");
    }

    private static TypeReference parseDotted(String text) {
        String[] segments = text.split("\\.", -1);
        if (Arrays.stream(segments).anyMatch(String::isEmpty)) {
            throw invalid(text, "has an empty part between dots; write e.g. " + EXAMPLES);
        }
        String name = segments[0];
        if (segments.length == 1) {
            return named(name);
        }
        if (isVersion(segments[1])) {
            return exactly(name, segments[1], String.join(".", Arrays.copyOfRange(segments, 2, segments.length)));
        }
        return inGroup(name, String.join(".", Arrays.copyOfRange(segments, 1, segments.length)));
    }

    private static InvalidInputException invalid(String text, String why) {
        return new InvalidInputException("The resource type " + Texts.quote(text) + " " + why + ".");
    }

    private static boolean startsWithVersion(String group) {
        return isVersion(group.split("\\.", -1)[0]);
    }

    /** Versions compare case-insensitively here, as groups do: {@code V1} is {@code v1}. */
    private static boolean isVersion(String text) {
        return KubernetesVersions.isKubernetesVersion(text.toLowerCase(Locale.ROOT));
    }

    /** {@code v1} or {@code <group>/<version>}: the first half of {@code apps/v1 Deployment}. */
    private static boolean looksLikeApiVersion(String text) {
        return text.contains("/") || isVersion(text);
    }

    /** True if a group was given and it is the core group. */
    public boolean namesCoreGroup() {
        return group.filter(String::isEmpty).isPresent();
    }

    /** True if a type in this group and version is one this reference allows. */
    public boolean admits(String typeGroup, String typeVersion) {
        return group.map(g -> g.equalsIgnoreCase(typeGroup)).orElse(true)
                && version.map(v -> v.equalsIgnoreCase(typeVersion)).orElse(true);
    }

    /** The shortest spelling that {@link #parse} reads back into this reference. */
    @Override
    public String toString() {
        if (version.isPresent()) {
            return canonical(name, version.get(), group.orElseThrow());
        }
        return group.map(g -> name + "." + g).orElse(name);
    }

    /**
     * {@code plural.version.group} ({@code pods.v1} for core); versions that do not look like one
     * ({@code foo}, possible for custom resources) would read as a group there, so those are written
     * {@code group/version/name}.
     */
    static String canonical(String name, String version, String group) {
        if (!KubernetesVersions.isKubernetesVersion(version)) {
            return group + "/" + version + "/" + name;
        }
        return group.isEmpty() ? name + "." + version : name + "." + version + "." + group;
    }
}
