package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API server's own review of what the caller's token may do: who it authenticates the token as
 * (SelfSubjectReview), the rules RBAC grants it in a namespace (SelfSubjectRulesReview), and its
 * answer to one action (SelfSubjectAccessReview). Each review is created with the caller's token and
 * changes nothing in the cluster.
 *
 * <p>A port of its own rather than more of {@link IdentityReview}: that one stands on the
 * authentication path of every request and answers one name; this one serves a question an agent
 * asks, with failures it reads.
 */
public interface AccessReviews {

    Identity identity(Caller caller);

    RuleSet rules(Caller caller, String namespace);

    Decision decide(Caller caller, Question question);

    /** @param groups as the API server reports them, {@code system:authenticated} included */
    record Identity(String username, List<String> groups) {
        public Identity {
            Objects.requireNonNull(username, "username");
            groups = List.copyOf(groups);
        }
    }

    /** One resource rule as RBAC states it: every verb applies to every resource of every group listed. */
    record Rule(List<String> verbs, List<String> apiGroups, List<String> resources, List<String> resourceNames) {
        public Rule {
            verbs = List.copyOf(verbs);
            apiGroups = List.copyOf(apiGroups);
            resources = List.copyOf(resources);
            resourceNames = List.copyOf(resourceNames);
        }
    }

    /**
     * @param incomplete the API server could not evaluate every rule (an authorizer that cannot list
     *     rules, such as a webhook): what is listed is granted, more may be
     */
    record RuleSet(List<Rule> rules, List<String> nonResourceUrls, boolean incomplete) {
        public RuleSet {
            rules = List.copyOf(rules);
            nonResourceUrls = List.copyOf(nonResourceUrls);
        }
    }

    /**
     * @param verb as RBAC names it: {@code get}, {@code delete} …
     * @param group {@code ""} for the core group
     * @param namespace empty: across all namespaces, or a cluster-scoped resource
     */
    record Question(String verb, String group, String resource, Optional<String> namespace) {
        public Question {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** @param reason RBAC's reason, {@code ""} when it gave none */
    record Decision(boolean allowed, String reason) {
        public Decision {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
