package io.kmcp.adapters.mcp.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * The signing keys and issuer of one trusted cluster. Keys come from the cluster's JWKS, fetched
 * anonymously over the cluster CA, cached, and fetched again when a token names an unknown key id (at
 * most once per {@link #MIN_REFRESH_INTERVAL}, so forged key ids cannot make k-mcp hammer a cluster).
 * A token verified a moment ago is found in {@link VerifiedTokens} instead of checked again, for as
 * long as the keys that verified it are the cluster's.
 */
final class ClusterKeys {

    /** Asymmetric algorithms only: {@code none} and HMAC (a shared secret) can never verify a token. */
    static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(
            SignatureAlgorithm.RS256,
            SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512,
            SignatureAlgorithm.PS256,
            SignatureAlgorithm.PS384,
            SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256,
            SignatureAlgorithm.ES384,
            SignatureAlgorithm.ES512);

    static final Duration KEY_CACHE = Duration.ofMinutes(15);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterKeys.class);

    private final TrustedCluster cluster;
    private final ResourceRetriever retriever;
    private final KeySetWatch keys;
    private final VerifiedTokens verified;
    private final Clock clock;
    private volatile String issuer;
    private volatile Instant lastDiscoveryFailure = Instant.MIN;
    private volatile JwtDecoder decoder;

    ClusterKeys(TrustedCluster cluster, VerifiedTokens verified, Clock clock) {
        this(cluster, new HttpsResourceRetriever(cluster), verified, clock);
    }

    /** @param retriever fetches the cluster's discovery document and keys */
    ClusterKeys(TrustedCluster cluster, ResourceRetriever retriever, VerifiedTokens verified, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.verified = Objects.requireNonNull(verified, "verified");
        this.keys = new KeySetWatch(retriever, clock, KEY_CACHE, () -> verified.forget(cluster.name()));
        this.issuer = cluster.issuer().orElse(null);
    }

    TrustedCluster cluster() {
        return cluster;
    }

    /** The cluster's issuer: configured, or read once from its discovery document. */
    String issuer() {
        String known = issuer;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (issuer == null) {
                issuer = discoverIssuer();
            }
            return issuer;
        }
    }

    /** Verifies the signature against the cluster's keys and the issuer; claims are checked elsewhere. */
    Jwt verify(String token) {
        // Read before verifying: if the keys change meanwhile, what this verification finds is not kept.
        KeySetVersion keysBefore = keys.current();
        Optional<Jwt> known = verified.find(cluster.name(), token, keysBefore);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            Jwt jwt = decoder().decode(token);
            verified.remember(cluster.name(), token, jwt, keysBefore);
            return jwt;
        } catch (BadJwtException rejected) {
            throw rejected;
        } catch (JwtException keysUnavailable) {
            // Not the token's fault: the keys could not be fetched (or were fetched a moment ago and
            // lacked its key id). Say so instead of a server error, and never the token itself.
            LOG.warn("cannot verify a token of cluster {}: {}", cluster.name(), keysUnavailable.getMessage());
            throw unverifiable("its signing keys could not be fetched, or none matches the token's key id");
        }
    }

    private JwtDecoder decoder() {
        JwtDecoder known = decoder;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (decoder == null) {
                String expectedIssuer = issuer();
                NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keySource())
                        .jwsAlgorithms(algorithms -> {
                            algorithms.clear();
                            algorithms.addAll(ALGORITHMS);
                        })
                        .build();
                nimbus.setJwtValidator(jwt -> expectedIssuer.equals(jwt.getClaimAsString("iss"))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                BearerTokenErrorCodes.INVALID_TOKEN,
                                "the token was not issued by cluster \"" + cluster.name() + "\"'s issuer",
                                null)));
                decoder = nimbus;
            }
            return decoder;
        }
    }

    private JWKSource<SecurityContext> keySource() {
        try {
            return JWKSourceBuilder.<SecurityContext>create(cluster.jwksUri().toURL(), keys)
                    .cache(KEY_CACHE.toMillis(), cluster.timeout().toMillis())
                    .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS URL of cluster \"" + cluster.name() + "\" is malformed", e);
        }
    }

    private String discoverIssuer() {
        Instant now = clock.instant();
        if (now.isBefore(lastDiscoveryFailure.plus(MIN_REFRESH_INTERVAL))) {
            throw unverifiable("its issuer could not be discovered a moment ago");
        }
        try {
            String document =
                    retriever.retrieveResource(cluster.discoveryUri().toURL()).getContent();
            Map<String, Object> fields = JSONObjectUtils.parse(document);
            return Optional.ofNullable(JSONObjectUtils.getString(fields, "issuer"))
                    .filter(value -> !value.isBlank())
                    .orElseThrow(() -> new ParseException("no issuer in the discovery document", 0));
        } catch (IOException | ParseException e) {
            lastDiscoveryFailure = now;
            LOG.warn(
                    "cannot discover the service-account issuer of cluster {} at {}: {}",
                    cluster.name(),
                    cluster.discoveryUri(),
                    e.getMessage());
            throw unverifiable("its issuer could not be discovered");
        }
    }

    private InvalidTokenException unverifiable(String why) {
        return new InvalidTokenException(
                TokenRejection.UNVERIFIABLE,
                "tokens of cluster \"" + cluster.name() + "\" cannot be verified now: " + why
                        + "; the operator can configure the cluster's issuer and keys");
    }
}
