package io.kmcp.adapters.mcp.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Reads a signed JWT without verifying its signature. Acceptable only while every token goes to the
 * one API server the operator configured, which verifies each token it receives, so that a forged
 * token reads nothing; k-mcp's claim checks still run after it. Unsigned tokens ({@code alg: none})
 * and encrypted ones are refused. A verifying decoder (the JWKS of the cluster's service-account
 * issuer) replaces it when tokens select among several clusters.
 */
public final class UnverifiedJwtDecoder implements JwtDecoder {

    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    @Override
    public Jwt decode(String token) throws JwtException {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException malformed) {
            throw new BadJwtException("the token is not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new BadJwtException("the token is not signed");
        }
        try {
            Map<String, Object> claims = CLAIMS.convert(signed.getJWTClaimsSet().getClaims());
            return Jwt.withTokenValue(token)
                    .headers(headers -> headers.putAll(signed.getHeader().toJSONObject()))
                    .claims(all -> all.putAll(claims))
                    .build();
        } catch (ParseException | IllegalArgumentException malformed) {
            throw new BadJwtException("the token's claims are malformed");
        }
    }
}
