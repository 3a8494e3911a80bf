package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.kmcp.adapters.kubernetes.testbed.DecoyListener;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.kmcp.bootstrap.e2e.RawMcp.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile tokens against the real server and a real cluster's keys: each is refused with 401 and the
 * right error, and none causes a request to the URL it names or to the API server.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("Token verification rejects hostile tokens without contacting anything")
class TokenVerificationEndToEndTest {

    private static final LocalControlPlane CLUSTER = ClusterUnderTest.CLUSTER;
    private static final DecoyListener DECOY = new DecoyListener();
    private static ServiceAccountRef agent;
    private static ForgedTokens forge;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
    }

    @BeforeAll
    static void setUp() {
        agent = ClusterUnderTest.access().serviceAccount("e2e-tokens", "agent");
        forge = ForgedTokens.like(
                ClusterUnderTest.tokenFor(agent), CLUSTER.pki().serviceAccountKeys());
    }

    @AfterAll
    static void tearDown() {
        DECOY.close();
    }

    static List<String> goodAudiences() {
        return List.of(CLUSTER.apiServerUrl(), "k-mcp", CLUSTER.issuer());
    }

    static JWTClaimsSet.Builder goodClaims() {
        return ForgedTokens.claims(agent.username(), goodAudiences(), CLUSTER.issuer());
    }

    static List<Arguments> hostileTokens() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        Instant future = Instant.now().plus(Duration.ofHours(2));
        return List.of(
                hostile(
                        "unsigned (alg: none)",
                        () -> ForgedTokens.unsigned(goodClaims().build()),
                        "not signed"),
                hostile(
                        "HMAC signed with the cluster's public key",
                        () -> forge.hmacWithPublicKey(goodClaims().build()),
                        "HS256"),
                hostile(
                        "signed by a key the cluster never published",
                        () -> forge.signedByStranger(goodClaims().build()),
                        "signature could not be verified"),
                hostile(
                        "expired",
                        () -> forge.signedByCluster(goodClaims()
                                .issueTime(Date.from(past.minus(Duration.ofHours(1))))
                                .notBeforeTime(Date.from(past.minus(Duration.ofHours(1))))
                                .expirationTime(Date.from(past))
                                .build()),
                        "expired"),
                hostile(
                        "not yet valid",
                        () -> forge.signedByCluster(
                                goodClaims().notBeforeTime(Date.from(future)).build()),
                        "not valid before"),
                hostile(
                        "without expiry",
                        () -> forge.signedByCluster(
                                goodClaims().expirationTime(null).build()),
                        "no expiry"),
                hostile(
                        "issued by another issuer",
                        () -> forge.signedByCluster(
                                goodClaims().issuer("https://evil.example").build()),
                        "not issued by"),
                hostile(
                        "without the MCP audience",
                        () -> forge.signedByCluster(goodClaims()
                                .audience(List.of(CLUSTER.apiServerUrl(), CLUSTER.issuer()))
                                .build()),
                        "does not include \\\"k-mcp\\\"".replace("\\\"", "'")),
                hostile(
                        "naming a URL no operator configured",
                        () -> forge.signedByCluster(goodClaims()
                                .audience(List.of(DECOY.url(), "k-mcp"))
                                .build()),
                        "names no cluster"),
                hostile(
                        "whose subject is not a service account",
                        () -> forge.signedByCluster(
                                goodClaims().subject("alice").build()),
                        "not a service account"),
                hostile("that is not a JWT at all", () -> "not-a-jwt", "malformed"));
    }

    private static Arguments hostile(String name, java.util.function.Supplier<String> token, String error) {
        return Arguments.of(name, (Function<Void, String>) ignored -> token.get(), error);
    }

    @ParameterizedTest(name = "a token {0}")
    @MethodSource("hostileTokens")
    @DisplayName("is refused with 401 invalid_token, and nothing is contacted")
    void refused(String name, Function<Void, String> token, String description) {
        long auditBefore = auditLines();

        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + token.apply(null)));

        assertThat(answer.status()).as(name).isEqualTo(401);
        assertThat(answer.challenge())
                .as(name)
                .hasValueSatisfying(challenge -> assertThat(challenge)
                        .startsWith("Bearer ")
                        .contains("error=\"invalid_token\"")
                        .contains("resource_metadata=")
                        .contains(description));
        assertThat(DECOY.connections())
                .as("connections to the URL a token named")
                .isZero();
        assertThat(kmcpRequestsSince(auditBefore))
                .as("requests k-mcp sent the API server")
                .isEmpty();
    }

    @Test
    @DisplayName("no Authorization header: 401 with a challenge naming the metadata, no error")
    void missing() {
        Answer answer = RawMcp.initialize(port, "/mcp", List.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge())
                .hasValueSatisfying(challenge ->
                        assertThat(challenge).contains("resource_metadata=").doesNotContain("error="));
    }

    @Test
    @DisplayName("a token in the query string is not accepted")
    void queryString() {
        Answer answer = RawMcp.initialize(port, "/mcp?access_token=" + ClusterUnderTest.tokenFor(agent), List.of());

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("two Authorization headers are refused as a malformed request")
    void twoHeaders() {
        String token = ClusterUnderTest.tokenFor(agent);

        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + token, "Bearer " + token));

        assertThat(answer.status()).isIn(400, 401);
        assertThat(answer.challenge())
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).containsAnyOf("invalid_request", "invalid_token"));
    }

    @Test
    @DisplayName("a huge header is refused before any token check")
    void hugeHeader() {
        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + "a".repeat(64 * 1024)));

        assertThat(answer.status()).isBetween(400, 431);
        assertThat(DECOY.connections()).isZero();
    }

    @Test
    @DisplayName("the response never echoes the token")
    void neverEchoed() {
        String token = forge.signedByStranger(goodClaims().build());

        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + token));

        assertThat(answer.challenge().orElse("")).doesNotContain(token).doesNotContain(token.substring(0, 30));
        assertThat(answer.body()).doesNotContain(token.substring(0, 30));
    }

    @Test
    @DisplayName("a real token is accepted, whatever the case of the scheme name")
    void schemeIsCaseInsensitive() {
        String token = ClusterUnderTest.tokenFor(agent);

        assertThat(RawMcp.initialize(port, "/mcp", List.of("bearer " + token)).status())
                .isEqualTo(200);
        assertThat(RawMcp.initialize(port, "/mcp", List.of("Bearer " + token)).status())
                .isEqualTo(200);
    }

    private static long auditLines() {
        try (var lines = Files.lines(CLUSTER.auditLog())) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> kmcpRequestsSince(long line) {
        try (var lines = Files.lines(CLUSTER.auditLog())) {
            return lines.skip(line)
                    .filter(entry -> entry.contains("\"userAgent\":\"k-mcp/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
