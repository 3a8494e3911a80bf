package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.NAMESPACES;
import static io.kmcp.application.service.TestTypes.metadata;
import static io.kmcp.application.service.TestTypes.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Getting one resource")
class GetResourceServiceTest {

    private final FakeCluster cluster = new FakeCluster(CATALOG)
            .with(DEPLOYMENTS, "team", "web", object("apps/v1", "Deployment", "team", "web"))
            .with(NAMESPACES, null, "team", object("v1", "Namespace", null, "team"));
    private final GetResourceService service =
            new GetResourceService(new TypeLookup(cluster, AccessPolicy.builtIn()), cluster);

    @Test
    @DisplayName("returns the object of the resolved type, without managed fields")
    void getsNamespacedObject() {
        ResourceDetail detail =
                service.get(CALLER, new GetResourceQuery("deployments.apps", "web", Optional.of("team")));

        assertThat(detail.type()).isEqualTo(DEPLOYMENTS);
        assertThat(metadata(detail.object())).containsEntry("name", "web").doesNotContainKey("managedFields");
    }

    @Test
    @DisplayName("a cluster-scoped object is read without a namespace")
    void getsClusterScopedObject() {
        ResourceDetail detail = service.get(CALLER, new GetResourceQuery("ns", "team", Optional.empty()));

        assertThat(detail.type()).isEqualTo(NAMESPACES);
    }

    @Test
    @DisplayName("a namespaced type without a namespace is refused naming the missing argument, nothing is read")
    void namespaceRequired() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("deploy", "web", Optional.empty())))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem())
                                .extracting(Problem::reason, Problem::remedy)
                                .containsExactly(
                                        Reason.NAMESPACE_REQUIRED, Optional.of(Problem.Remedy.GIVE_THE_NAMESPACE)))
                .hasMessage("deployments.v1.apps is namespaced, so reading \"web\" needs its namespace");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a missing object is NOT_FOUND with a hint to list what exists")
    void notFound() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("deploy", "api", Optional.of("team"))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessageContaining("\"api\"")
                .hasMessageContaining("in namespace team")
                .hasMessageContaining("list deployments.apps");
    }

    @Test
    @DisplayName("a secret is refused as restricted, never as not found, and nothing is read")
    void secretIsRestricted() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("secret", "token", Optional.of("team"))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.RESTRICTED));
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a malformed name is refused before anything is sent")
    void malformedName() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("pods", "../etc", Optional.of("team"))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT));
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    @DisplayName("a missing object in a namespace: the hint says to list that namespace")
    void notFoundInNamespaceHint() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("deploy", "api", Optional.of("team"))))
                .hasMessage("deployments.v1.apps \"api\" was not found in namespace team; list deployments.apps in"
                        + " that namespace to see the names that exist.");
    }

    @Test
    @DisplayName("a missing cluster-scoped object: the hint names no namespace")
    void notFoundClusterScoped() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("namespaces", "gone", Optional.empty())))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessage("namespaces.v1 \"gone\" was not found; list namespaces to see the names that exist.");
    }

    @Test
    @DisplayName("a namespace given for a cluster-scoped type is refused, nothing is read")
    void namespaceForClusterScopedType() {
        assertThatThrownBy(() -> service.get(CALLER, new GetResourceQuery("ns", "team", Optional.of("team"))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem())
                                .extracting(Problem::reason, Problem::remedy)
                                .containsExactly(
                                        Reason.INVALID_ARGUMENT, Optional.of(Problem.Remedy.GIVE_NO_NAMESPACE)))
                .hasMessage("namespaces.v1 is cluster-scoped, so \"team\" is in no namespace");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a blank namespace counts as none, and the name and namespace reach the cluster as given")
    void blankNamespaceIsNone() {
        service.get(CALLER, new GetResourceQuery("namespaces", "team", Optional.of(" ")));
        service.get(CALLER, new GetResourceQuery("deploy", "web", Optional.of("team")));

        assertThat(cluster.calls).contains("get namespaces.v1 - team", "get deployments.v1.apps team web");
    }
}
