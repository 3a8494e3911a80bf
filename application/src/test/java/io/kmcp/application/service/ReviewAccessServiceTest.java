package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReport.Check;
import io.kmcp.application.port.in.AccessReport.Grant;
import io.kmcp.application.port.in.AccessReviewQuery;
import io.kmcp.application.port.out.AccessReviews.Rule;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reviewing the caller's access")
class ReviewAccessServiceTest {

    private final FakeAccessReviews reviews = new FakeAccessReviews()
            .member(CALLER.subject(), List.of("system:serviceaccounts"))
            .grant(CALLER.subject(), "team", rule(List.of("get", "list", "delete"), "", "pods"))
            .grant(CALLER.subject(), "team", rule(List.of("get"), "", "secrets"))
            .grant(CALLER.subject(), "team", rule(List.of("*"), "apps", "deployments"))
            .grant(CALLER.subject(), "team", rule(List.of("watch"), "", "pods"));
    private final ReviewAccessService service = service(reviews);

    private static ReviewAccessService service(FakeAccessReviews reviews) {
        AccessPolicy policy = AccessPolicy.builtIn();
        return new ReviewAccessService(reviews, new TypeLookup(new FakeCluster(CATALOG), policy), policy);
    }

    private static Rule rule(List<String> verbs, String group, String resource) {
        return new Rule(verbs, List.of(group), List.of(resource), List.of());
    }

    private AccessReport review(String namespace, String verb, String resource) {
        return service.review(
                CALLER,
                new AccessReviewQuery(
                        Optional.ofNullable(namespace), Optional.ofNullable(verb), Optional.ofNullable(resource)));
    }

    private static Grant grantOn(AccessReport report, String resource) {
        return report.grants().stream()
                .filter(grant -> grant.resource().equals(resource))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no grant on " + resource + " in " + report.grants()));
    }

    private static Problem problemOf(Runnable call) {
        try {
            call.run();
        } catch (RequestFailedException e) {
            return e.problem();
        }
        throw new AssertionError("the review was not refused");
    }

    @Test
    @DisplayName("without arguments: who the caller is, with its groups, and nothing else")
    void identityAlone() {
        AccessReport report = review(null, null, null);

        assertThat(report.username()).isEqualTo(CALLER.subject());
        assertThat(report.groups()).containsExactly("system:serviceaccounts", "system:authenticated");
        assertThat(report.namespace()).isEmpty();
        assertThat(report.grants()).isEmpty();
        assertThat(report.check()).isEmpty();
    }

    @Test
    @DisplayName("in a namespace: one grant per resource, verbs of several rules merged and sorted")
    void grantsPerResource() {
        AccessReport report = review("team", null, null);

        assertThat(report.namespace()).contains("team");
        assertThat(report.grants()).extracting(Grant::resource).containsExactly("pods", "secrets", "deployments.apps");
        Grant pods = grantOn(report, "pods");
        assertThat(pods.verbs()).containsExactly("get", "list", "watch");
        assertThat(pods.restrictedBecause()).isEmpty();
        assertThat(report.incomplete()).isFalse();
    }

    @Test
    @DisplayName("delete is shown as never offered, and a wildcard verb as never offering deletion either")
    void deletionNeverOffered() {
        AccessReport report = review("team", null, null);

        assertThat(grantOn(report, "pods").neverOffered()).containsExactly("delete");
        assertThat(grantOn(report, "pods").verbs()).doesNotContain("delete");
        Grant deployments = grantOn(report, "deployments.apps");
        assertThat(deployments.verbs()).containsExactly("*");
        assertThat(deployments.neverOffered()).containsExactly("delete", "deletecollection");
    }

    @Test
    @DisplayName("a restricted kind RBAC grants is marked restricted by k-mcp, with the policy's reason")
    void restrictedKindMarked() {
        Grant secrets = grantOn(review("team", null, null), "secrets");

        assertThat(secrets.verbs()).containsExactly("get");
        assertThat(secrets.restrictedBecause())
                .hasValueSatisfying(
                        why -> assertThat(why).contains("secrets").contains("restricted by this server's policy"));
    }

    @Test
    @DisplayName("a blank verb and resource count as left out: the namespace's rules are reviewed")
    void blankCheckLeftOut() {
        AccessReport report = review("team", " ", "");

        assertThat(report.check()).isEmpty();
        assertThat(report.grants()).isNotEmpty();
    }

    @Test
    @DisplayName("rules naming some objects keep their names on the grant")
    void namedObjects() {
        ReviewAccessService named = service(new FakeAccessReviews()
                .grant(
                        CALLER.subject(),
                        "team",
                        new Rule(List.of("get"), List.of(""), List.of("pods"), List.of("web-1"))));

        AccessReport report =
                named.review(CALLER, new AccessReviewQuery(Optional.of("team"), Optional.empty(), Optional.empty()));

        assertThat(grantOn(report, "pods").resourceNames()).containsExactly("web-1");
    }

    @Test
    @DisplayName("an authoriser that cannot list every rule is reported as incomplete")
    void incomplete() {
        ReviewAccessService incomplete = service(new FakeAccessReviews().incomplete());

        AccessReport report = incomplete.review(
                CALLER, new AccessReviewQuery(Optional.of("team"), Optional.empty(), Optional.empty()));

        assertThat(report.incomplete()).isTrue();
    }

    @Test
    @DisplayName("one action granted: allowed, on the resolved type, with RBAC's reason")
    void checkAllowed() {
        Check check = review("team", "GET", "deploy").check().orElseThrow();

        assertThat(check.verb()).isEqualTo("get");
        assertThat(check.resource()).isEqualTo("deployments.apps");
        assertThat(check.rbacAllows()).contains(true);
        assertThat(check.rbacReason()).isEqualTo("granted in memory");
        assertThat(check.allowed()).isTrue();
    }

    @Test
    @DisplayName("one action not granted: denied; and elsewhere than where it is granted, too")
    void checkDenied() {
        assertThat(review("team", "create", "pods").check().orElseThrow().allowed())
                .isFalse();
        assertThat(review("other", "get", "pods").check().orElseThrow().rbacAllows())
                .contains(false);
        assertThat(review(null, "get", "pods").check().orElseThrow().rbacAllows())
                .contains(false);
    }

    @Test
    @DisplayName("a deletion RBAC allows is still not allowed: k-mcp never deletes")
    void checkDeletion() {
        Check check = review("team", "delete", "pods").check().orElseThrow();

        assertThat(check.rbacAllows()).contains(true);
        assertThat(check.refusedByKmcp())
                .hasValueSatisfying(why -> assertThat(why).contains("never deletes"));
        assertThat(check.allowed()).isFalse();
    }

    @Test
    @DisplayName("an action on a restricted kind is refused by k-mcp without asking RBAC")
    void checkRestricted() {
        Check check = review("team", "get", "secret").check().orElseThrow();

        assertThat(check.resource()).isEqualTo("secrets");
        assertThat(check.rbacAllows()).isEmpty();
        assertThat(check.refusedByKmcp())
                .hasValueSatisfying(why -> assertThat(why).contains("restricted"));
        assertThat(check.allowed()).isFalse();
    }

    @Test
    @DisplayName("an unknown verb is refused with the verbs a check may name")
    void unknownVerb() {
        Problem problem = problemOf(() -> review("team", "escalate", "pods"));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(problem.message()).contains("\"escalate\"").contains("get, list, watch");
    }

    @Test
    @DisplayName("a verb without a resource, or a resource without a verb, is refused saying which is missing")
    void halfACheck() {
        assertThat(problemOf(() -> review("team", "get", null)).message()).contains("only the verb was given");
        assertThat(problemOf(() -> review("team", null, "pods")).message()).contains("only the resource was given");
    }

    @Test
    @DisplayName("a resource no type answers to is refused as the other tools refuse it")
    void unknownResource() {
        assertThat(problemOf(() -> review("team", "get", "widgets")).reason()).isEqualTo(Reason.UNKNOWN_TYPE);
    }

    @Test
    @DisplayName("a malformed namespace is refused before anything is asked")
    void badNamespace() {
        assertThatThrownBy(() -> review("Not_A_Namespace", null, null))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    }
}
