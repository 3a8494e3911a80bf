package io.kmcp.acceptance.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Tokens no cluster would hand out today, made from a real one: its claims rewritten, then either
 * signed again with the cluster's own key (so that only the claims are wrong) or left with the
 * original signature (so that the signature no longer matches).
 */
public final class TokenForgery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private TokenForgery() {}

    /** The real token, expired {@code ago}, re-signed by the cluster's key: a token the cluster did issue once. */
    public static String expired(String realToken, Duration ago, PrivateKey clusterKey) {
        Instant expiry = Instant.now().minus(ago);
        String header = realToken.split("\\.")[0];
        String claims = rewrite(realToken, payload -> {
            payload.put("exp", expiry.getEpochSecond());
            payload.put("iat", expiry.minus(Duration.ofMinutes(10)).getEpochSecond());
            payload.put("nbf", expiry.minus(Duration.ofMinutes(10)).getEpochSecond());
        });
        return header + "." + claims + "." + rs256(header + "." + claims, clusterKey);
    }

    /** The real token with another subject and the original signature, as someone without the key would make it. */
    public static String withSubjectReplaced(String realToken, String subject) {
        String[] parts = realToken.split("\\.");
        return parts[0] + "." + rewrite(realToken, payload -> payload.put("sub", subject)) + "." + parts[2];
    }

    private static String rewrite(String token, Consumer<ObjectNode> change) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(DECODE.decode(token.split("\\.")[1]));
            change.accept(payload);
            return ENCODE.encodeToString(JSON.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rs256(String signingInput, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return ENCODE.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the cluster's key: " + e, e);
        }
    }
}
