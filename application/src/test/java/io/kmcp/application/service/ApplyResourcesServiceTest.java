package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.CRDS;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.WIDGETS;
import static io.kmcp.application.service.TestTypes.catalogWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ApplyReport.Status;
import io.kmcp.application.port.out.ApplyApproval;
import io.kmcp.application.port.out.ApplyApproval.Decision;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.PlannedChange;
import io.kmcp.domain.policy.AccessPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Applying manifests")
class ApplyResourcesServiceTest {

    private final FakeCluster cluster = new FakeCluster(CATALOG);
    private final List<Map<String, Object>> documents = new ArrayList<>();
    private final RecordingApproval approval = new RecordingApproval(Decision.APPROVED);
    private final ApplyResourcesService service = serviceOn(cluster, Duration.ofSeconds(1));

    @Test
    @DisplayName("one restricted document refuses the whole request before anything reaches the cluster")
    void restrictedDocumentRefusesAll() {
        documents.add(deployment("team", "web", 2));
        documents.add(
                Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "s", "namespace", "team")));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.RESTRICTED))
                .hasMessageContaining("Nothing was applied")
                .hasMessageContaining("document 2");
        assertThat(cluster.calls).isEmpty();
        assertThat(approval.asked).isEmpty();
    }

    @Test
    @DisplayName("a manifest that carries a redaction marker is refused whole, saying where, before anything is sent")
    void redactionMarkerRefusesAll() {
        documents.add(deployment("team", "api", 2));
        Map<String, Object> edited = new java.util.LinkedHashMap<>(deployment("team", "web", 2));
        edited.put(
                "spec",
                Map.of(
                        "template",
                        Map.of(
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(Map.of(
                                                "name",
                                                "web",
                                                "env",
                                                List.of(Map.of(
                                                        "name",
                                                        "DB_PASSWORD",
                                                        "value",
                                                        "<redacted by k-mcp: the name DB_PASSWORD suggests a"
                                                                + " credential>"))))))));
        documents.add(edited);

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", true), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageStartingWith("Nothing was applied. document 2 (apps/v1 Deployment team/web) at"
                        + " spec.template.spec.containers[0].env[0].value still carries the marker")
                .hasMessageContaining("Put the real value there, or reference a Secret")
                .hasMessageNotContaining("document 1");
        assertThat(cluster.calls).isEmpty();
        assertThat(approval.asked).isEmpty();
    }

    @Test
    @DisplayName("a dry run returns the plan without asking anyone and applies nothing")
    void dryRun() {
        documents.add(deployment("team", "web", 2));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", true), approval);

        assertThat(report.status()).isEqualTo(Status.PREVIEWED);
        assertThat(report.plan()).extracting(DocumentPreview::change).containsExactly(new PlannedChange.Create());
        assertThat(approval.asked).isEmpty();
        assertThat(cluster.appliedForReal()).isEmpty();
        assertThat(cluster.calls).contains("apply DRY_RUN deployments.v1.apps web");
    }

    @Test
    @DisplayName("a confirmed plan is applied in dependency order, Namespaces first")
    void approvedPlanIsApplied() {
        documents.add(deployment("team", "web", 2));
        documents.add(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "other")));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.APPLIED);
        assertThat(approval.asked).hasSize(1);
        assertThat(cluster.appliedForReal())
                .containsExactly("apply APPLY namespaces.v1 other", "apply APPLY deployments.v1.apps web");
        assertThat(report.outcomes())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(new ApplyOutcome.Created()));
    }

    @Test
    @DisplayName("a change to an existing object is previewed field by field and reported as configured")
    void changeIsPreviewed() {
        cluster.with(DEPLOYMENTS, "team", "web", deployment("team", "web", 1));
        documents.add(deployment("team", "web", 3));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.plan().get(0).change()).isEqualTo(new PlannedChange.Change(List.of("spec.replicas"), 0));
        assertThat(report.outcomes().get(0).outcome()).isEqualTo(new ApplyOutcome.Configured(List.of("spec.replicas")));
    }

    @Test
    @DisplayName("nothing to change: no question is asked")
    void unchangedNeedsNoConfirmation() {
        cluster.with(DEPLOYMENTS, "team", "web", deployment("team", "web", 2));
        documents.add(deployment("team", "web", 2));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.APPLIED);
        assertThat(approval.asked).isEmpty();
        assertThat(cluster.appliedForReal()).isEmpty();
    }

    @Test
    @DisplayName("declined, cancelled or unanswerable: nothing is applied and the status says which")
    void notApproved() {
        documents.add(deployment("team", "web", 2));
        for (var decision : List.of(Decision.DECLINED, Decision.CANCELLED, Decision.UNAVAILABLE)) {
            ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), new RecordingApproval(decision));
            assertThat(report.status())
                    .isEqualTo(
                            switch (decision) {
                                case DECLINED -> Status.DECLINED;
                                case CANCELLED -> Status.CANCELLED;
                                default -> Status.CONFIRMATION_REQUIRED;
                            });
            assertThat(report.outcomes()).isEmpty();
        }
        assertThat(cluster.appliedForReal()).isEmpty();
    }

    @Test
    @DisplayName("a refused dry run rejects the request: nothing applied, the refusal named on its document")
    void refusedDryRun() {
        cluster.refusing("broken");
        documents.add(deployment("team", "web", 2));
        documents.add(deployment("team", "broken", -1));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(approval.asked).isEmpty();
        assertThat(cluster.appliedForReal()).isEmpty();
        assertThat(report.outcomes())
                .extracting(outcome -> outcome.outcome().getClass().getSimpleName())
                .containsExactly("NotAttempted", "Failed");
        assertThat(report.outcomes().get(1).describe()).contains("spec.replicas must be >= 0");
    }

    @Test
    @DisplayName("a namespaced document without a namespace is refused; k-mcp never guesses 'default'")
    void missingNamespace() {
        documents.add(Map.of(
                "apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "web"), "spec", Map.of()));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage("document 1 (apps/v1 Deployment web) is a namespaced Deployment without metadata.namespace;"
                        + " add the namespace it belongs in (k-mcp never guesses one).");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName(
            "a document in a Namespace the request creates is marked not previewable, then checked and applied after it")
    void dependentDocument() {
        documents.add(deployment("fresh", "web", 2));
        documents.add(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "fresh")));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.plan().get(1).change()).isInstanceOf(PlannedChange.CannotPreview.class);
        assertThat(report.status()).isEqualTo(Status.APPLIED);
        assertThat(cluster.calls)
                .containsSubsequence(
                        "apply APPLY namespaces.v1 fresh",
                        "apply DRY_RUN deployments.v1.apps web",
                        "apply APPLY deployments.v1.apps web");
    }

    @Test
    @DisplayName("a failure while applying stops there: later documents are not attempted and say why")
    void failureStopsApplying() {
        documents.add(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "fresh")));
        documents.add(deployment("fresh", "broken", 2));
        cluster.refusing("broken");

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.outcomes())
                .extracting(outcome -> outcome.outcome().getClass().getSimpleName())
                .containsExactly("Created", "Failed");
    }

    @Test
    @DisplayName("a cluster-scoped document with a namespace is refused before anything reaches the cluster")
    void clusterScopedWithNamespace() {
        documents.add(deployment("team", "web", 2));
        documents.add(Map.of(
                "apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "fresh", "namespace", "team")));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage("document 2 (v1 Namespace team/fresh) is a cluster-scoped Namespace with a"
                        + " metadata.namespace; remove the namespace.");
        assertThat(cluster.touchedObjects()).isFalse();
        assertThat(approval.asked).isEmpty();
    }

    @Test
    @DisplayName("a type that cannot be patched is refused naming what it supports, before anything is sent")
    void typeWithoutPatch() {
        documents.add(Map.of(
                "apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview", "metadata", Map.of("name", "check")));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("tokenreviews.v1.authentication.k8s.io does not support patch")
                .hasMessageContaining("it supports create");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("an unknown kind is looked up in fresh discovery once, then refuses the whole request")
    void unknownKind() {
        documents.add(deployment("team", "web", 2));
        documents.add(Map.of("apiVersion", "example.com/v1", "kind", "Widget", "metadata", widgetMetadata()));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNKNOWN_TYPE))
                .hasMessageContaining("Widget");
        assertThat(cluster.refreshes).hasValue(1);
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("two documents declaring the same object refuse the request before the cluster is asked anything")
    void duplicateDocuments() {
        documents.add(deployment("team", "web", 2));
        documents.add(deployment("team", "web", 3));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("document 1 and document 2 both declare Deployment team/web");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    @DisplayName("an empty stream is refused as nothing to apply, and nobody is asked")
    void emptyStream() {
        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("nothing to apply");
        assertThat(cluster.calls).isEmpty();
        assertThat(approval.asked).isEmpty();
    }

    @Test
    @DisplayName("a document that cannot be applied as written is refused in the domain's words")
    void malformedDocument() {
        documents.add(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("namespace", "team")));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("metadata.name is missing");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    @DisplayName("a document in a Namespace the request creates is still resolved first: an unknown kind applies"
            + " nothing")
    void dependentDocumentIsResolvedBeforeAnythingIsApplied() {
        documents.add(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "fresh")));
        documents.add(Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deploymnet",
                "metadata",
                Map.of("name", "web", "namespace", "fresh")));

        assertThatThrownBy(() -> service.apply(CALLER, new ApplyCommand("…", false), approval))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNKNOWN_TYPE));
        assertThat(cluster.appliedForReal()).isEmpty();
        assertThat(approval.asked).isEmpty();
    }

    @Test
    @DisplayName("a custom resource whose CRD the request installs is resolved once discovery serves its kind,"
            + " then dry-run and applied")
    void customResourceAfterItsCrd() {
        FakeCluster withCrds = new FakeCluster(catalogWith(CRDS))
                .afterRefresh(catalogWith(CRDS, WIDGETS))
                .staleForRefreshes(2);
        documents.add(Map.of("apiVersion", "example.com/v1", "kind", "Widget", "metadata", widgetMetadata()));
        documents.add(widgetCrd());

        ApplyReport report =
                serviceOn(withCrds, Duration.ofSeconds(5)).apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.plan())
                .extracting(preview -> preview.manifest().kind())
                .containsExactly("CustomResourceDefinition", "Widget");
        assertThat(report.plan().get(0).change()).isEqualTo(new PlannedChange.Create());
        assertThat(report.plan().get(1).change())
                .isInstanceOfSatisfying(
                        PlannedChange.CannotPreview.class,
                        change -> assertThat(change.reason())
                                .startsWith("it needs document 2 of this request to exist first"));
        assertThat(report.status()).isEqualTo(Status.APPLIED);
        assertThat(report.outcomes())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(new ApplyOutcome.Created()));
        assertThat(withCrds.refreshes).hasValue(3);
        assertThat(withCrds.calls)
                .containsSubsequence(
                        "apply APPLY customresourcedefinitions.v1.apiextensions.k8s.io widgets.example.com",
                        "refresh",
                        "refresh",
                        "refresh",
                        "apply DRY_RUN widgets.v1.example.com w1",
                        "apply APPLY widgets.v1.example.com w1");
    }

    @Test
    @DisplayName("a custom resource whose kind never appears fails after the wait; the CRD before it stays applied")
    void customResourceWhoseKindNeverAppears() {
        FakeCluster withCrds = new FakeCluster(catalogWith(CRDS));
        documents.add(widgetCrd());
        documents.add(Map.of("apiVersion", "example.com/v1", "kind", "Widget", "metadata", widgetMetadata()));

        ApplyReport report =
                serviceOn(withCrds, Duration.ofMillis(30)).apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.outcomes().get(0).outcome()).isEqualTo(new ApplyOutcome.Created());
        assertThat(report.outcomes().get(1).outcome())
                .isInstanceOfSatisfying(
                        ApplyOutcome.Failed.class,
                        failed -> assertThat(failed.reason()).contains("No resource type on this cluster matches"));
        assertThat(withCrds.appliedForReal())
                .containsExactly("apply APPLY customresourcedefinitions.v1.apiextensions.k8s.io widgets.example.com");
    }

    @Test
    @DisplayName("a confirmed change to an existing object reports the object as the server left it")
    void appliedWithoutChangeIsUnchanged() {
        cluster.with(DEPLOYMENTS, "team", "web", deployment("team", "web", 2));
        documents.add(deployment("team", "web", 2));
        documents.add(deployment("team", "api", 1));

        ApplyReport report = service.apply(CALLER, new ApplyCommand("…", false), approval);

        assertThat(report.status()).isEqualTo(Status.APPLIED);
        assertThat(report.plan())
                .extracting(DocumentPreview::change)
                .containsExactly(new PlannedChange.Unchanged(), new PlannedChange.Create());
        assertThat(report.outcomes())
                .extracting(outcome -> outcome.outcome())
                .containsExactly(new ApplyOutcome.Unchanged(), new ApplyOutcome.Created());
    }

    private ApplyResourcesService serviceOn(FakeCluster cluster, Duration typeTimeout) {
        return new ApplyResourcesService(
                text -> documents,
                AccessPolicy.builtIn(),
                new TypeLookup(cluster, AccessPolicy.builtIn()),
                cluster,
                cluster,
                new DeferredTypes(typeTimeout, Duration.ofMillis(5)));
    }

    private static Map<String, Object> deployment(String namespace, String name, int replicas) {
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", name, "namespace", namespace),
                "spec",
                Map.of("replicas", replicas));
    }

    private static Map<String, Object> widgetMetadata() {
        return Map.of("name", "w1", "namespace", "team");
    }

    private static Map<String, Object> widgetCrd() {
        return Map.of(
                "apiVersion",
                "apiextensions.k8s.io/v1",
                "kind",
                "CustomResourceDefinition",
                "metadata",
                Map.of("name", "widgets.example.com"),
                "spec",
                Map.of(
                        "group",
                        "example.com",
                        "scope",
                        "Namespaced",
                        "names",
                        Map.of("kind", "Widget", "plural", "widgets")));
    }

    private static final class RecordingApproval implements ApplyApproval {
        private final Decision decision;
        final List<List<DocumentPreview>> asked = new ArrayList<>();

        RecordingApproval(Decision decision) {
            this.decision = decision;
        }

        @Override
        public Decision ask(List<DocumentPreview> preview) {
            asked.add(preview);
            return decision;
        }
    }
}
