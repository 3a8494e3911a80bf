package io.kmcp.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.AccessReviews.Decision;
import io.kmcp.application.port.out.AccessReviews.Question;
import io.kmcp.application.port.out.AccessReviews.Rule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccessReviews} answers, the in-memory one and the API server's reviews alike: the
 * caller's own name and groups, the rules granted to it in a namespace and none of another's, and
 * RBAC's decision on one action, deletions included (k-mcp marks those; the port reports them).
 */
public abstract class AccessReviewsContract {

    protected abstract AccessReviews reviews();

    /**
     * A service account granted, in {@link #namespace()} only, {@code get}, {@code list} and {@code
     * delete} on config maps and {@code get} on secrets.
     */
    protected abstract Caller reviewer();

    protected abstract String namespace();

    /** A namespace where nothing is granted to the reviewer. */
    protected abstract String otherNamespace();

    /** The attempt's result once it succeeds: a real cluster's authoriser sees a grant a moment late. */
    protected <T> T eventually(Callable<T> attempt) throws Exception {
        return attempt.call();
    }

    @Test
    @DisplayName("the identity is the caller's own username, with the groups every authenticated caller has")
    void identity() {
        AccessReviews.Identity identity = reviews().identity(reviewer());

        assertThat(identity.username()).isEqualTo(reviewer().subject());
        assertThat(identity.groups()).contains("system:authenticated");
    }

    @Test
    @DisplayName("the rules in a namespace are what the caller's bindings there grant, deletions and secrets included")
    void rulesInTheNamespace() throws Exception {
        List<Rule> rules = eventually(() -> {
            List<Rule> granted = reviews().rules(reviewer(), namespace()).rules();
            assertThat(verbsOn(granted, "configmaps")).isNotEmpty();
            return granted;
        });

        assertThat(verbsOn(rules, "configmaps")).contains("get", "list", "delete");
        assertThat(verbsOn(rules, "secrets")).contains("get");
    }

    @Test
    @DisplayName("the rules of another namespace hold none of those grants")
    void rulesElsewhere() {
        List<Rule> rules = reviews().rules(reviewer(), otherNamespace()).rules();

        assertThat(verbsOn(rules, "configmaps")).isEmpty();
        assertThat(verbsOn(rules, "secrets")).isEmpty();
    }

    @Test
    @DisplayName("one action is allowed where granted, denied for another verb, another namespace or all namespaces")
    void decisions() throws Exception {
        Decision get = eventually(() -> {
            Decision decision = reviews().decide(reviewer(), configMaps("get", Optional.of(namespace())));
            assertThat(decision.allowed()).isTrue();
            return decision;
        });

        assertThat(get.allowed()).isTrue();
        assertThat(reviews()
                        .decide(reviewer(), configMaps("delete", Optional.of(namespace())))
                        .allowed())
                .isTrue();
        assertThat(reviews()
                        .decide(reviewer(), configMaps("create", Optional.of(namespace())))
                        .allowed())
                .isFalse();
        assertThat(reviews()
                        .decide(reviewer(), configMaps("get", Optional.of(otherNamespace())))
                        .allowed())
                .isFalse();
        assertThat(reviews()
                        .decide(reviewer(), configMaps("list", Optional.empty()))
                        .allowed())
                .isFalse();
    }

    private static Question configMaps(String verb, Optional<String> namespace) {
        return new Question(verb, "", "configmaps", namespace);
    }

    private static List<String> verbsOn(List<Rule> rules, String resource) {
        return rules.stream()
                .filter(rule ->
                        rule.apiGroups().contains("") && rule.resources().contains(resource))
                .flatMap(rule -> rule.verbs().stream())
                .toList();
    }
}
