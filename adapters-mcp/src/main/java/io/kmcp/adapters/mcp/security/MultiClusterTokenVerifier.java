package io.kmcp.adapters.mcp.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies service-account tokens of several clusters and says which cluster each is for.
 *
 * <p>The order of the checks is the security property. Everything that can be judged from the token
 * alone comes first and costs no network call: the token is a signed JWT with an asymmetric
 * algorithm; it is in date; its subject is one the operator accepts; its audience includes the MCP
 * audience and names exactly one configured cluster; its issuer is that cluster's. Only then is the
 * signature checked, against keys fetched from that configured cluster (and cached). A token that names a URL no operator configured is refused
 * before anything is sent anywhere; a forged token never reaches an API server.
 */
public final class MultiClusterTokenVerifier implements JwtDecoder, ClusterSelector {

    private final ClusterAudiences audiences;
    private final Map<String, ClusterKeys> keys;
    private final TokenClaimsValidator claims;
    private final SubjectPolicy subjects;

    /** Service-account tokens of any namespace. */
    public MultiClusterTokenVerifier(
            List<TrustedCluster> clusters, String mcpAudience, Duration clockSkew, Clock clock) {
        this(
                clusters,
                mcpAudience,
                clockSkew,
                SubjectPolicy.serviceAccounts(),
                new VerifiedTokens(VerifiedTokens.DEFAULT_MAX_SIZE, clockSkew, clock),
                clock);
    }

    /** @param verified tokens verified a moment ago, shared by the clusters and kept apart by cluster */
    public MultiClusterTokenVerifier(
            List<TrustedCluster> clusters,
            String mcpAudience,
            Duration clockSkew,
            SubjectPolicy subjects,
            VerifiedTokens verified,
            Clock clock) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted cluster is needed");
        }
        this.audiences = new ClusterAudiences(clusters);
        this.keys = clusters.stream()
                .collect(Collectors.toMap(
                        TrustedCluster::name,
                        cluster -> new ClusterKeys(cluster, verified, clock),
                        (first, second) -> {
                            throw new IllegalArgumentException("two trusted clusters are named \""
                                    + first.cluster().name() + "\"");
                        },
                        LinkedHashMap::new));
        this.claims = new TokenClaimsValidator(mcpAudience, clockSkew, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        SignedJWT signed = signedJwt(token);
        Jwt unverified = unverifiedView(token, signed);
        OAuth2TokenValidatorResult precheck = claims.validate(unverified);
        if (precheck.hasErrors()) {
            throw new JwtValidationException(
                    precheck.getErrors().iterator().next().getDescription(), precheck.getErrors());
        }
        subjects.check(unverified.getSubject());
        ClusterKeys cluster =
                keys.get(audiences.clusterFor(unverified.getAudience()).name());
        if (!cluster.issuer().equals(unverified.getClaimAsString("iss"))) {
            throw new InvalidTokenException(
                    TokenRejection.ISSUER,
                    "the token was not issued by cluster \"" + cluster.cluster().name()
                            + "\"'s service-account issuer, although its audience names that cluster");
        }
        return cluster.verify(token);
    }

    @Override
    public String clusterFor(Jwt jwt) {
        return audiences
                .clusterFor(jwt.getAudience() == null ? List.of() : jwt.getAudience())
                .name();
    }

    private static SignedJWT signedJwt(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new BadJwtException("the token is not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new InvalidTokenException(
                    TokenRejection.UNSIGNED,
                    "the token is not signed; k-mcp accepts only signed service-account" + " tokens");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        boolean allowed = ClusterKeys.ALGORITHMS.stream()
                .anyMatch(candidate -> candidate.getName().equals(algorithm.getName()));
        if (!allowed) {
            throw new InvalidTokenException(
                    TokenRejection.ALGORITHM,
                    "the token is signed with " + algorithm.getName()
                            + ", which k-mcp does not accept; service-account tokens are signed with RSA or ECDSA keys");
        }
        return signed;
    }

    /** The claims as Spring sees them, not yet trusted: for checks that need no key. */
    private static Jwt unverifiedView(String token, SignedJWT signed) {
        JWTClaimsSet set;
        try {
            set = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new BadJwtException("the token's claims are not valid JSON");
        }
        Map<String, Object> claimMap = new LinkedHashMap<>(set.getClaims());
        claimMap.replaceAll((name, value) -> value instanceof Date date ? date.toInstant() : value);
        if (set.getAudience() != null) {
            claimMap.put("aud", set.getAudience());
        }
        Function<String, Object> header = signed.getHeader().toJSONObject()::get;
        return Jwt.withTokenValue(token)
                .headers(headers -> headers.put("alg", header.apply("alg")))
                .claims(all -> all.putAll(claimMap))
                .build();
    }
}
