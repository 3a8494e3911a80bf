package io.kmcp.adapters.mcp.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Service-account-like JWTs signed by a test RSA key, and a key nobody trusts. */
public final class TestTokens {

    public static final String AUDIENCE = "k-mcp";
    public static final String API_SERVER = "https://127.0.0.1:6443";
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

    private static final RSAKey TRUSTED = generate("trusted");
    private static final RSAKey UNTRUSTED = generate("untrusted");

    private TestTokens() {}

    public static RSAPublicKey trustedPublicKey() {
        try {
            return TRUSTED.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for the subject, issued now and valid for an hour. */
    public static String valid(String subject) {
        return signed(TRUSTED, claims(subject).build());
    }

    /** A token with the claims changed, signed by the trusted key. */
    public static String with(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(TRUSTED, change.apply(claims(subject)).build());
    }

    /** A token otherwise valid, signed by a key the server does not trust. */
    public static String signedByUntrustedKey(String subject) {
        return signed(UNTRUSTED, claims(subject).build());
    }

    public static JWTClaimsSet.Builder claims(String subject) {
        Instant now = TestClock.NOW;
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(List.of(AUDIENCE, API_SERVER))
                .issueTime(Date.from(now.minusSeconds(60)))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
