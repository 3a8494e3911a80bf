package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReport.Check;
import io.kmcp.application.port.in.AccessReport.Grant;
import io.kmcp.application.port.in.AccessReviewQuery;
import io.kmcp.application.port.in.ReviewAccess;
import io.kmcp.application.port.out.AccessReviews;
import io.kmcp.application.port.out.AccessReviews.Decision;
import io.kmcp.application.port.out.AccessReviews.Identity;
import io.kmcp.application.port.out.AccessReviews.Question;
import io.kmcp.application.port.out.AccessReviews.Rule;
import io.kmcp.application.port.out.AccessReviews.RuleSet;
import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.policy.PolicyDecision;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import io.kmcp.domain.type.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks the API server about the caller with the caller's own token, then marks what k-mcp refuses
 * whatever RBAC grants: restricted types (the domain's {@link AccessPolicy} decides) and deletions.
 */
public final class ReviewAccessService implements ReviewAccess {

    static final Set<String> NEVER_OFFERED = Set.of("delete", "deletecollection");

    static final String DELETION_REFUSED = "k-mcp never deletes: no request it sends can delete, whatever RBAC allows";

    private final AccessReviews reviews;
    private final TypeLookup types;
    private final AccessPolicy policy;

    public ReviewAccessService(AccessReviews reviews, TypeLookup types, AccessPolicy policy) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.types = Objects.requireNonNull(types, "types");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public AccessReport review(Caller caller, AccessReviewQuery query) {
        Optional<String> namespace = Inputs.valid(
                        () -> NamespaceName.ofNullable(query.namespace().orElse(null)))
                .map(NamespaceName::value);
        Optional<String> verb = query.verb().map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> resource = query.resource().map(String::strip).filter(text -> !text.isEmpty());
        if (verb.isPresent() != resource.isPresent()) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    "Checking one action needs both the verb and the resource; only the "
                            + (verb.isPresent() ? "verb" : "resource") + " was given. Give both, or neither"
                            + " to list what the caller may do in the namespace.");
        }
        Identity identity = reviews.identity(caller);
        if (verb.isPresent()) {
            Check check = check(caller, verb.orElseThrow(), resource.orElseThrow(), namespace);
            return new AccessReport(
                    identity.username(), identity.groups(), namespace, List.of(), false, Optional.of(check));
        }
        if (namespace.isEmpty()) {
            return new AccessReport(
                    identity.username(), identity.groups(), Optional.empty(), List.of(), false, Optional.empty());
        }
        RuleSet rules = reviews.rules(caller, namespace.orElseThrow());
        return new AccessReport(
                identity.username(),
                identity.groups(),
                namespace,
                grants(rules.rules()),
                rules.incomplete(),
                Optional.empty());
    }

    private Check check(Caller caller, String verbText, String resourceText, Optional<String> namespace) {
        String verb = verbText.toLowerCase(Locale.ROOT);
        if (!AccessReviewQuery.VERBS.contains(verb)) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    "The verb \"" + verbText + "\" is not one RBAC checks on resources; use one of "
                            + String.join(", ", AccessReviewQuery.VERBS) + ".");
        }
        TypeReference reference = Inputs.valid(() -> TypeReference.parse(resourceText));
        if (policy.decideByName(reference) instanceof PolicyDecision.Restricted restricted) {
            return new Check(verb, restricted.subject(), Optional.empty(), "", Optional.of(restricted.reason()));
        }
        // A deletion is resolved like a read: the type's own verbs as k-mcp sees them never include it.
        ResourceType type =
                types.resolve(caller, reference, Verb.fromDiscovery(verb).orElse(Verb.GET));
        Optional<String> where = type.namespaced() ? namespace : Optional.empty();
        Decision decision = reviews.decide(caller, new Question(verb, type.group(), type.plural(), where));
        Optional<String> refused = NEVER_OFFERED.contains(verb) ? Optional.of(DELETION_REFUSED) : Optional.empty();
        return new Check(verb, type.groupResource(), Optional.of(decision.allowed()), decision.reason(), refused);
    }

    /** RBAC's rules folded per resource, each marked where k-mcp refuses it. */
    List<Grant> grants(List<Rule> rules) {
        Map<String, Set<String>> verbsOf = new LinkedHashMap<>();
        Map<String, Set<String>> namesOf = new LinkedHashMap<>();
        Map<String, Optional<String>> restrictionOf = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (String group : rule.apiGroups()) {
                for (String resource : rule.resources()) {
                    String key = group.isEmpty() ? resource : resource + "." + group;
                    verbsOf.computeIfAbsent(key, k -> new TreeSet<>()).addAll(rule.verbs());
                    namesOf.computeIfAbsent(key, k -> new TreeSet<>()).addAll(rule.resourceNames());
                    restrictionOf.computeIfAbsent(key, k -> restriction(group, resource));
                }
            }
        }
        List<Grant> grants = new ArrayList<>();
        verbsOf.forEach((resource, verbs) -> {
            List<String> usable = new ArrayList<>();
            Set<String> never = new LinkedHashSet<>();
            for (String verb : verbs) {
                if (verb.equals("*")) {
                    usable.add(verb);
                    never.addAll(List.of("delete", "deletecollection"));
                } else if (NEVER_OFFERED.contains(verb)) {
                    never.add(verb);
                } else {
                    usable.add(verb);
                }
            }
            grants.add(new Grant(
                    resource,
                    usable,
                    List.copyOf(never),
                    restrictionOf.get(resource),
                    List.copyOf(namesOf.get(resource))));
        });
        return grants;
    }

    private Optional<String> restriction(String group, String resource) {
        // A wildcard grants the restricted types too, but not only them: it is not marked as a whole.
        try {
            return policy.decide(group, resource) instanceof PolicyDecision.Restricted restricted
                    ? Optional.of(restricted.reason())
                    : Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
