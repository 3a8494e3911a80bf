package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.Eventually;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.kmcp.bootstrap.e2e.RawMcp.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With --verify-with-apiserver, a token the API server stopped honouring (its service account was
 * deleted) is refused at once, although its signature and expiry still verify offline.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("--verify-with-apiserver refuses revoked tokens before they expire")
class VerifyWithApiServerEndToEndTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
        registry.add("kmcp.verify-with-apiserver", () -> "true");
        registry.add("kmcp.timeouts.identity-recheck", () -> "1ms");
    }

    @Test
    @DisplayName("a token is accepted while its service account exists and refused once it is deleted")
    void revokedTokenIsRefused() {
        ServiceAccountRef account = ClusterUnderTest.access().serviceAccount("e2e-revoked", "short-lived");
        String token = ClusterUnderTest.tokenFor(account);
        assertThat(RawMcp.initialize(port, "/mcp", List.of("Bearer " + token)).status())
                .isEqualTo(200);

        // Test set-up only: the administrator removes the account, which revokes its bound tokens.
        ClusterUnderTest.CLUSTER
                .adminClient()
                .serviceAccounts()
                .inNamespace(account.namespace())
                .withName(account.name())
                .delete();

        awaitRejectedByApiServer(token);
        Answer refused = RawMcp.initialize(port, "/mcp", List.of("Bearer " + token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.challenge().orElseThrow()).contains("no longer accepts this token");
    }

    /** kube-apiserver caches a successful token authentication for up to 10 s. */
    private static void awaitRejectedByApiServer(String token) {
        try (KubernetesClient asAccount = ClusterUnderTest.CLUSTER.clientWithToken(token)) {
            Eventually.within(Duration.ofSeconds(30), () -> {
                try {
                    asAccount.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
                } catch (KubernetesClientException e) {
                    assertThat(e.getCode()).isEqualTo(401);
                    return true;
                }
                throw new AssertionError("the API server still accepts the token of a deleted account");
            });
        }
    }
}
