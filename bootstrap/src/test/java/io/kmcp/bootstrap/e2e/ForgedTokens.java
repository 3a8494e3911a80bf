package io.kmcp.bootstrap.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens an attacker (or a careless client) could send, built like the API server builds real ones:
 * same claims, same key id, signed with the cluster's real key where the point is another defect.
 */
final class ForgedTokens {

    private final String keyId;
    private final PrivateKey clusterKey;
    private final String publicKeyPem;

    private ForgedTokens(String keyId, PrivateKey clusterKey, String publicKeyPem) {
        this.keyId = keyId;
        this.clusterKey = clusterKey;
        this.publicKeyPem = publicKeyPem;
    }

    /** Forges in the style of the cluster that minted {@code realToken}, holding the cluster's signing key. */
    static ForgedTokens like(String realToken, KeyPair clusterKeys) {
        try {
            String keyId = SignedJWT.parse(realToken).getHeader().getKeyID();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(clusterKeys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return new ForgedTokens(keyId, clusterKeys.getPrivate(), pem);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(String subject, List<String> audiences, String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(audiences)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed with the cluster's own key: only the claims are wrong. */
    String signedByCluster(JWTClaimsSet claims) {
        return rsa(claims, clusterKey, keyId);
    }

    /** Signed by a key the cluster never published, under the cluster's key id. */
    String signedByStranger(JWTClaimsSet claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return rsa(claims, generator.generateKeyPair().getPrivate(), keyId);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic confusion attack: HMAC with the cluster's public key as the shared secret. */
    String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
            byte[] secret = publicKeyPem.getBytes(StandardCharsets.US_ASCII);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}. */
    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String rsa(JWTClaimsSet claims, PrivateKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(keyId)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
