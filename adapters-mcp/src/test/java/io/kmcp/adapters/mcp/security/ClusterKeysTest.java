package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kmcp.adapters.mcp.support.MutableClock;
import io.kmcp.adapters.mcp.support.TestClock;
import java.net.URI;
import java.net.URL;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

@DisplayName("A cluster's keys, with the tokens they verified a moment ago")
class ClusterKeysTest {

    private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    private static final URI API_SERVER = URI.create("https://prod.example:6443");
    private static final RSAKey FIRST = key("first");
    private static final RSAKey SECOND = key("second");

    private final MutableClock clock = new MutableClock();
    private final VerifiedTokens verified = new VerifiedTokens(16, Duration.ofSeconds(30), clock);
    private final Jwks jwks = new Jwks(FIRST);
    private final ClusterKeys keys = new ClusterKeys(cluster(), jwks, verified, clock);

    @Test
    @DisplayName("a token verified once is not checked again while its keys are the cluster's")
    void remembered() {
        String token = signed(FIRST, FIRST.getKeyID(), "agent");

        keys.verify(token); // fetches the keys: nothing verified before the first fetch is kept
        keys.verify(token);
        long missesBefore = verified.misses();
        var again = keys.verify(token);

        assertThat(verified.hits()).isEqualTo(1);
        assertThat(verified.misses()).isEqualTo(missesBefore);
        assertThat(again.getSubject()).isEqualTo("system:serviceaccount:team-a:agent");
        assertThat(again.getTokenValue()).isEqualTo(token);
        assertThat(jwks.fetches.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("a token whose signature fails is refused every time, never remembered as verified")
    void failureNeverRemembered() {
        keys.verify(signed(FIRST, FIRST.getKeyID(), "agent"));
        String forged = signed(SECOND, FIRST.getKeyID(), "intruder");

        assertThatThrownBy(() -> keys.verify(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> keys.verify(forged)).isInstanceOf(JwtException.class);
        assertThat(verified.hits()).isZero();
        assertThat(verified.contents()).doesNotContain("intruder");
    }

    @Test
    @DisplayName("when the cluster's keys change, tokens verified with the old ones are checked again, and refused")
    void keysChange() {
        String old = signed(FIRST, FIRST.getKeyID(), "agent");
        keys.verify(old);
        keys.verify(old);
        assertThat(verified.size()).isEqualTo(1);

        jwks.serve(SECOND); // the cluster rotated its key: FIRST is gone
        keys.verify(signed(SECOND, SECOND.getKeyID(), "agent")); // an unknown key id: the keys are fetched again

        assertThat(jwks.fetches.get()).isEqualTo(2);
        assertThat(verified.contents()).doesNotContain("\"first\"");
        assertThatThrownBy(() -> keys.verify(old))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("none matches the token's key id");
    }

    @Test
    @DisplayName("a remembered token is checked again once its key set is as old as the verifier keeps one")
    void keySetAge() {
        String token = signed(FIRST, FIRST.getKeyID(), "agent");
        keys.verify(token);
        keys.verify(token);

        clock.advance(ClusterKeys.KEY_CACHE);
        long missesBefore = verified.misses();
        keys.verify(token);

        assertThat(verified.misses()).isEqualTo(missesBefore + 1);
    }

    private static TrustedCluster cluster() {
        try {
            return new TrustedCluster(
                    "prod",
                    API_SERVER,
                    Optional.of(ISSUER),
                    URI.create(API_SERVER + TrustedCluster.JWKS_PATH),
                    SSLContext.getDefault(),
                    Duration.ofSeconds(1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(RSAKey key, String keyId, String name) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("system:serviceaccount:team-a:" + name)
                .audience(List.of("k-mcp", API_SERVER.toString()))
                .issueTime(Date.from(TestClock.NOW.minusSeconds(60)))
                .expirationTime(Date.from(TestClock.NOW.plus(Duration.ofHours(1))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cluster's published keys, as its API server would serve them. */
    private static final class Jwks implements ResourceRetriever {
        private final AtomicInteger fetches = new AtomicInteger();
        private volatile RSAKey published;

        Jwks(RSAKey published) {
            this.published = published;
        }

        void serve(RSAKey key) {
            published = key;
        }

        @Override
        public Resource retrieveResource(URL url) {
            fetches.incrementAndGet();
            return new Resource(new JWKSet(published.toPublicJWK()).toString(), "application/jwk-set+json");
        }
    }
}
