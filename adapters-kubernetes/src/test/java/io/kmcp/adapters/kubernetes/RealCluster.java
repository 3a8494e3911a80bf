package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.adapters.kubernetes.testbed.Eventually;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.SharedControlPlane;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** The shared local control plane seen as k-mcp sees a configured cluster, and callers with real tokens. */
final class RealCluster {

    static final String NAME = "local";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Duration RBAC_PROPAGATION = Duration.ofSeconds(15);

    final LocalControlPlane plane;

    RealCluster() {
        this(SharedControlPlane.get());
    }

    private RealCluster(LocalControlPlane plane) {
        this.plane = plane;
    }

    /** The shared control plane that runs controllers, a scheduler and kwok, so pods run and log. */
    static RealCluster withWorkloads() {
        return new RealCluster(SharedControlPlane.withWorkloads());
    }

    ClusterConnection connection() {
        return ClusterConnection.https(NAME, URI.create(plane.apiServerUrl()), plane.caPem());
    }

    KubernetesClientPool newPool() {
        return new KubernetesClientPool(KubernetesClusters.of(connection()), PoolSettings.defaults());
    }

    TestBedAccess access() {
        return plane.access();
    }

    KubernetesClient admin() {
        return plane.adminClient();
    }

    /** A caller with a fresh service-account token for k-mcp (audiences: API server, k-mcp, cluster default). */
    Caller callerFor(ServiceAccountRef account) {
        return callerFor(account, List.of(plane.apiServerUrl(), "k-mcp", LocalControlPlane.ISSUER));
    }

    Caller callerFor(ServiceAccountRef account, List<String> audiences) {
        Instant issued = Instant.now();
        String token = access().mintToken(account, audiences, TOKEN_LIFETIME);
        return new Caller(NAME, account.username(), new BearerToken(token, issued.plus(TOKEN_LIFETIME)));
    }

    /** A service account that may do anything, for tests about something other than RBAC. */
    Caller clusterAdminCaller(String namespace) {
        ServiceAccountRef account = access().serviceAccount(namespace, "admin-agent");
        access().grantClusterWide(account, "cluster-admin");
        return callerFor(account);
    }

    /** The type of that fully-qualified name, as the cluster's discovery describes it. */
    static ResourceType type(ApiCatalog catalog, String fullyQualifiedName) {
        return catalog.types().stream()
                .filter(type -> type.fullyQualifiedName().equals(fullyQualifiedName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fullyQualifiedName + " not discovered"));
    }

    /** RBAC changes reach the authoriser through an informer, so a grant takes effect a moment later. */
    static <T> T eventually(Callable<T> attempt) {
        return Eventually.within(RBAC_PROPAGATION, attempt);
    }
}
