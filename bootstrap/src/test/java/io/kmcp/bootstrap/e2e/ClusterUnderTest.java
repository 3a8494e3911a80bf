package io.kmcp.bootstrap.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.adapters.kubernetes.testbed.Eventually;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.SharedControlPlane;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The real control plane the end-to-end tests run k-mcp against, and the tokens they use. */
public final class ClusterUnderTest {

    public static final LocalControlPlane CLUSTER = started();

    /** The shared control plane, letting k-mcp read the issuer's keys anonymously as the README asks. */
    private static LocalControlPlane started() {
        LocalControlPlane cluster = SharedControlPlane.get();
        cluster.access().allowAnonymousIssuerDiscovery();
        return cluster;
    }

    private ClusterUnderTest() {}

    /** Points k-mcp at the control plane, as an operator would with --api-server and --certificate-authority. */
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("kmcp.api-server", CLUSTER::apiServerUrl);
        registry.add("kmcp.certificate-authority", () -> CLUSTER.caFile().toString());
        registry.add("server.port", () -> "0");
    }

    /** RBAC reaches the authoriser through an informer: wait until a fresh grant takes effect. */
    public static void awaitAllowed(ServiceAccountRef account, Consumer<KubernetesClient> request) {
        try (KubernetesClient client = CLUSTER.clientWithToken(tokenFor(account))) {
            Eventually.eventually(() -> {
                request.accept(client);
                return true;
            });
        }
    }

    public static TestBedAccess access() {
        return CLUSTER.access();
    }

    /** A token as the README tells operators to mint it: API server URL, k-mcp, the cluster's default audience. */
    public static String tokenFor(ServiceAccountRef account) {
        return access().mintToken(
                        account, List.of(CLUSTER.apiServerUrl(), "k-mcp", CLUSTER.issuer()), Duration.ofMinutes(30));
    }
}
