package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.AccessReviews;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API server's reviews of the caller, each a review object created with the caller's token
 * (fabric8's typed models): nothing is stored, the answer comes back in the object's status.
 */
public final class Fabric8AccessReviews implements AccessReviews {

    private final KubernetesClientPool pool;

    public Fabric8AccessReviews(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Identity identity(Caller caller) {
        SelfSubjectReview review = create(
                caller,
                "selfsubjectreviews.authentication.k8s.io",
                client -> client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview()));
        UserInfo user = Optional.ofNullable(review.getStatus())
                .map(SelfSubjectReviewStatus::getUserInfo)
                .filter(info -> info.getUsername() != null)
                .orElseThrow(() -> new RequestFailedException(
                        Reason.UNAVAILABLE, "the API server's SelfSubjectReview named no user"));
        return new Identity(user.getUsername(), listOrEmpty(user.getGroups()));
    }

    @Override
    public RuleSet rules(Caller caller, String namespace) {
        SelfSubjectRulesReview review = create(
                caller,
                "selfsubjectrulesreviews.authorization.k8s.io",
                client -> client.authorization()
                        .v1()
                        .selfSubjectRulesReview()
                        .create(new SelfSubjectRulesReviewBuilder()
                                .withNewSpec()
                                .withNamespace(namespace)
                                .endSpec()
                                .build()));
        SubjectRulesReviewStatus status = review.getStatus();
        if (status == null) {
            return new RuleSet(List.of(), List.of(), true);
        }
        List<Rule> rules = listOrEmpty(status.getResourceRules()).stream()
                .map(Fabric8AccessReviews::rule)
                .toList();
        List<String> urls = listOrEmpty(status.getNonResourceRules()).stream()
                .flatMap(rule -> listOrEmpty(rule.getNonResourceURLs()).stream())
                .distinct()
                .toList();
        return new RuleSet(rules, urls, Boolean.TRUE.equals(status.getIncomplete()));
    }

    @Override
    public Decision decide(Caller caller, Question question) {
        SelfSubjectAccessReview review = create(
                caller,
                "selfsubjectaccessreviews.authorization.k8s.io",
                client -> client.authorization()
                        .v1()
                        .selfSubjectAccessReview()
                        .create(new SelfSubjectAccessReviewBuilder()
                                .withNewSpec()
                                .withNewResourceAttributes()
                                .withVerb(question.verb())
                                .withGroup(question.group())
                                .withResource(question.resource())
                                .withNamespace(question.namespace().orElse(""))
                                .endResourceAttributes()
                                .endSpec()
                                .build()));
        SubjectAccessReviewStatus status = review.getStatus();
        if (status == null) {
            return new Decision(false, "");
        }
        return new Decision(
                Boolean.TRUE.equals(status.getAllowed()),
                Optional.ofNullable(status.getReason()).orElse(""));
    }

    private <T> T create(Caller caller, String resource, Function<KubernetesClient, T> request) {
        try {
            return pool.withClient(caller, request);
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(
                    e, ApiCall.review(caller, pool.clusters().connection(caller.cluster()), resource));
        }
    }

    private static Rule rule(ResourceRule rule) {
        return new Rule(
                listOrEmpty(rule.getVerbs()),
                listOrEmpty(rule.getApiGroups()),
                listOrEmpty(rule.getResources()),
                listOrEmpty(rule.getResourceNames()));
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
