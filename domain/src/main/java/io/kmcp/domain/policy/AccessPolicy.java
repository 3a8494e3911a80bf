package io.kmcp.domain.policy;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.Texts;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The types this server refuses to touch, whatever RBAC allows the caller: core {@code secrets}, core
 * {@code serviceaccounts} with every subresource ({@code serviceaccounts/token}), every type of {@code
 * rbac.authorization.k8s.io}, and the extra entries an operator configures. Extras only add: the
 * built-in restrictions cannot be lifted.
 *
 * <p>Extra entries are written as a plural ({@code configmaps}), a kind ({@code ConfigMap}), either of
 * them with a group ({@code sealedsecrets.bitnami.com}), or {@code *.<group>} for every type of
 * exactly that group ({@code *.example.com}; list subgroups separately). Without a group an entry
 * applies in every group. Names compare case-insensitively.
 *
 * <p>With discovery ({@link #decide(ResourceType)}) every name of a type is known, so any entry
 * matches. Without it the policy sees one name only, the kind of a manifest ({@link #decideManifest}),
 * the plural of a path ({@link #decide(String, String)}) or what a caller typed ({@link
 * #decideByName}), and compares it with an entry directly and through the plural kubectl would guess
 * from either ({@code configmaps} meets {@code ConfigMap}). Irregular plurals defeat the guess: an entry
 * {@code pods.metrics.k8s.io} cannot match a manifest of kind {@code PodMetrics} offline, so an
 * operator who needs offline checks names such types by kind as well.
 */
public final class AccessPolicy {

    public static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private static final String SECRETS_WHY = "Secrets hold credentials";
    private static final String SERVICE_ACCOUNTS_WHY =
            "service accounts and their tokens (serviceaccounts/token) act as identities in the cluster";
    private static final String RBAC_WHY = "RBAC objects grant permissions";

    private static final String ENTRY_FORMS = "write a plural (configmaps), a kind (ConfigMap), either with its"
            + " group (sealedsecrets.bitnami.com), or *.<group> for a whole group (*.example.com)";

    private final List<String> extraEntries;
    private final List<Restriction> restrictions;
    private final List<KnownRestrictedType> knownRestrictedTypes;

    private AccessPolicy(List<String> extraEntries, List<Restriction> restrictions) {
        this.extraEntries = List.copyOf(extraEntries);
        this.restrictions = List.copyOf(restrictions);
        this.knownRestrictedTypes = restrictions.stream()
                .flatMap(restriction -> restriction instanceof Restriction.NamedType named
                        ? named
                                .group()
                                .map(group -> new KnownRestrictedType(
                                        group,
                                        named.names(),
                                        named.shortNames(),
                                        PolicyDecision.Restricted.of(named.subject(), named.why())))
                                .stream()
                        : Stream.empty())
                .toList();
    }

    private static List<Restriction> builtInRestrictions() {
        return List.of(
                Restriction.NamedType.core("secrets", "secret", Set.of(), SECRETS_WHY),
                Restriction.NamedType.core("serviceaccounts", "serviceaccount", Set.of("sa"), SERVICE_ACCOUNTS_WHY),
                new Restriction.WholeGroup(RBAC_GROUP, RBAC_WHY),
                Restriction.NamedType.inGroup(RBAC_GROUP, "roles", "role", RBAC_WHY),
                Restriction.NamedType.inGroup(RBAC_GROUP, "rolebindings", "rolebinding", RBAC_WHY),
                Restriction.NamedType.inGroup(RBAC_GROUP, "clusterroles", "clusterrole", RBAC_WHY),
                Restriction.NamedType.inGroup(RBAC_GROUP, "clusterrolebindings", "clusterrolebinding", RBAC_WHY));
    }

    /** Only the restrictions every k-mcp server has. */
    public static AccessPolicy builtIn() {
        return new AccessPolicy(List.of(), builtInRestrictions());
    }

    /**
     * The built-in restrictions plus the operator's entries.
     *
     * @throws InvalidInputException naming the first bad entry and how to write it
     */
    public static AccessPolicy withExtraRestrictions(Collection<String> entries) {
        Objects.requireNonNull(entries, "entries");
        List<Restriction> restrictions = new ArrayList<>(builtInRestrictions());
        List<String> normalised = new ArrayList<>();
        for (String entry : entries) {
            Restriction restriction = parseEntry(entry);
            restrictions.add(restriction);
            normalised.add(entry.strip());
        }
        return new AccessPolicy(normalised, restrictions);
    }

    private static Restriction parseEntry(String entry) {
        if (entry == null || entry.isBlank()) {
            throw badEntry(entry, "is empty");
        }
        String text = entry.strip();
        String why = "the operator of this server restricts " + text;
        if (text.startsWith("*.")) {
            String group = text.substring(2).toLowerCase(Locale.ROOT);
            if (!KubernetesNames.isDns1123Subdomain(group)) {
                throw badEntry(text, "does not name an API group after '*.'");
            }
            return new Restriction.WholeGroup(group, why);
        }
        if (text.contains("*")) {
            throw badEntry(text, "uses '*' other than as '*.<group>'");
        }
        if (text.contains("/") || text.contains(" ")) {
            throw badEntry(
                    text,
                    "has a '/' or a space; entries name a whole type, with all its versions and" + " subresources");
        }
        TypeReference reference;
        try {
            reference = TypeReference.parse(text);
        } catch (InvalidInputException e) {
            throw badEntry(text, "is not a type name");
        }
        if (reference.version().isPresent()) {
            throw badEntry(
                    text,
                    "names a version; entries apply to every version, so drop "
                            + reference.version().get());
        }
        String name = reference.name().toLowerCase(Locale.ROOT);
        Set<String> names = new HashSet<>(Restriction.Plurals.guesses(name));
        names.add(name);
        return new Restriction.NamedType(reference.group(), names, Set.of(), text, why);
    }

    private static InvalidInputException badEntry(String entry, String problem) {
        return new InvalidInputException(
                "The restricted-type entry " + Texts.quote(entry) + " " + problem + "; " + ENTRY_FORMS + ".");
    }

    /**
     * What this policy restricts, in the words an agent reads in a tool's description: {@code secrets,
     * service accounts and RBAC objects (rbac.authorization.k8s.io)}, then the operator's entries.
     */
    public String inWords() {
        String builtIn = "secrets, service accounts and RBAC objects (" + RBAC_GROUP + ")";
        return extraEntries.isEmpty() ? builtIn : builtIn + ", and also " + String.join(", ", extraEntries);
    }

    /** The operator's entries as configured (trimmed). */
    public List<String> extraRestrictions() {
        return extraEntries;
    }

    /** The policy's answer for a type known from discovery: the most complete check. */
    public PolicyDecision decide(ResourceType type) {
        Objects.requireNonNull(type, "type");
        return firstMatch(restriction -> restriction.restricts(type), type.groupResource());
    }

    public boolean allows(ResourceType type) {
        return !decide(type).isRestricted();
    }

    /**
     * The policy's answer for a resource of a group, as an API path names it.
     *
     * @param group {@code ""} for the core group
     * @param resource a plural, or a plural and a subresource ({@code serviceaccounts/token}); a
     *     subresource of a restricted type is restricted
     */
    public PolicyDecision decide(String group, String resource) {
        Objects.requireNonNull(group, "group");
        if (resource == null
                || resource.isBlank()
                || resource.chars().filter(c -> c == '/').count() > 1) {
            throw new InvalidInputException("The resource " + Texts.quote(resource)
                    + " is not a plural or plural/subresource such as serviceaccounts/token.");
        }
        String normalisedGroup = group.toLowerCase(Locale.ROOT);
        String plural = resource.split("/", -1)[0].toLowerCase(Locale.ROOT);
        String subject = normalisedGroup.isEmpty() ? resource : resource + "." + normalisedGroup;
        return firstMatch(restriction -> restriction.restricts(normalisedGroup, plural), subject);
    }

    /**
     * The policy's answer for a manifest, without discovery (offline audits, CI): by the group of its
     * {@code apiVersion} and its {@code kind}. See the class comment for what an offline check cannot
     * see.
     */
    public PolicyDecision decideManifest(String apiVersion, String kind) {
        TypeReference reference = TypeReference.ofManifest(apiVersion, kind);
        String group = reference.group().orElseThrow();
        String subject = group.isEmpty() ? kind : kind + "." + group;
        return firstMatch(restriction -> restriction.restrictsKind(group, kind), subject);
    }

    /**
     * The policy's answer for what a caller typed, judged by the names the policy knows, without
     * discovery: {@code secrets}, {@code sa}, {@code Role}, {@code anything.rbac.authorization.k8s.io}.
     * Versions are ignored: a restricted type is restricted in every version.
     */
    public PolicyDecision decideByName(TypeReference reference) {
        Objects.requireNonNull(reference, "reference");
        for (Restriction restriction : restrictions) {
            if (restriction.isNamedBy(reference)) {
                String subject = restriction instanceof Restriction.NamedType named
                        ? named.subject()
                        : reference.name() + "." + reference.group().orElseThrow();
                return PolicyDecision.Restricted.of(subject, restriction.why());
            }
        }
        return PolicyDecision.allowed();
    }

    /**
     * The restricted types this policy knows by name in a definite group (the built-in ones, and
     * entries written with a group), for resolution to consider even when discovery hides them.
     */
    public List<KnownRestrictedType> knownRestrictedTypes() {
        return knownRestrictedTypes;
    }

    /** The catalog without the types this policy restricts: what an agent may be shown. */
    public ApiCatalog filter(ApiCatalog catalog) {
        return catalog.filter(this::allows);
    }

    private PolicyDecision firstMatch(Predicate<Restriction> matches, String subject) {
        Optional<Restriction> match = restrictions.stream().filter(matches).findFirst();
        return match.<PolicyDecision>map(restriction -> PolicyDecision.Restricted.of(subject, restriction.why()))
                .orElseGet(PolicyDecision::allowed);
    }

    @Override
    public String toString() {
        return "AccessPolicy[built-in restrictions, extras=" + extraEntries + "]";
    }
}
