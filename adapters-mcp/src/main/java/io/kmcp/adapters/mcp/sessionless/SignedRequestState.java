package io.kmcp.adapters.mcp.sessionless;

import io.kmcp.adapters.mcp.CallerContext;
import io.kmcp.adapters.mcp.RequestStateSettings;
import io.kmcp.application.Caller;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.RequestStateCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs the state of a question so that any replica can take its answer, and nobody can forge one:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}. The payload binds the caller (subject
 * and cluster), the method and tool, and an expiry; it is signed, not encrypted, so it holds nothing
 * secret (the client can read it). Several keys rotate: the first signs, any verifies.
 *
 * <p>A state that does not verify is refused with a JSON-RPC {@code -32602} error that says why, and
 * the tool is not called: forged, truncated, expired, or issued to another caller or for another
 * tool.
 */
final class SignedRequestState implements RequestStateCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String RETRY = " Call the tool again without requestState and inputResponses.";

    private final List<SecretKeySpec> keys;
    private final RequestStateSettings settings;
    private final Clock clock;

    SignedRequestState(RequestStateSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = settings.keys().stream()
                .map(key -> new SecretKeySpec(key, ALGORITHM))
                .toList();
    }

    /**
     * What a state is bound to: who was asked, on which cluster, by which call.
     *
     * @param caller empty for a request without an authenticated caller, which no state fits
     */
    record Binding(Optional<Caller> caller, String method, String tool) {

        static Binding of(McpRequestContext context) {
            return new Binding(
                    CallerContext.callerOf(context.transportContext()),
                    String.valueOf(context.method()),
                    String.valueOf(context.primitiveName()));
        }
    }

    @Override
    public String seal(McpRequestContext context, String state) {
        return seal(Binding.of(context), state);
    }

    @Override
    public String open(McpRequestContext context, String sealed) {
        return open(Binding.of(context), sealed);
    }

    String seal(Binding binding, String state) {
        Caller caller = binding.caller()
                .orElseThrow(() -> new IllegalStateException("a question was asked without an authenticated caller"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("v", 1);
        payload.put("sub", caller.subject());
        payload.put("cluster", caller.cluster());
        payload.put("method", binding.method());
        payload.put("tool", binding.tool());
        payload.put("exp", clock.instant().plus(settings.ttl()).getEpochSecond());
        payload.put("state", state);
        String body = ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
        return body + "." + ENCODER.encodeToString(mac(keys.get(0), body));
    }

    String open(Binding binding, String sealed) {
        int dot = sealed.indexOf('.');
        if (dot <= 0 || dot != sealed.lastIndexOf('.') || dot == sealed.length() - 1) {
            throw refused("The requestState is malformed or truncated: it is not the value this server sent.");
        }
        String body = sealed.substring(0, dot);
        Optional<byte[]> signature = decode(sealed.substring(dot + 1));
        if (signature.isEmpty()
                || keys.stream().noneMatch(key -> MessageDigest.isEqual(mac(key, body), signature.get()))) {
            throw refused("The requestState does not carry this server's signature: it was altered, truncated, or"
                    + " signed with a key this server no longer has.");
        }
        Map<String, Object> payload = payload(body);
        Instant expiry = Instant.ofEpochSecond(((Number) payload.getOrDefault("exp", 0)).longValue());
        if (!clock.instant().isBefore(expiry)) {
            throw refused("The requestState expired at " + expiry + " (a question waits "
                    + settings.ttl().toMinutes() + " minutes for its answer).");
        }
        Optional<Caller> caller = binding.caller();
        if (caller.isEmpty()
                || !caller.get().subject().equals(payload.get("sub"))
                || !caller.get().cluster().equals(payload.get("cluster"))) {
            throw refused("The requestState was issued to another caller; only the caller that was asked may answer.");
        }
        if (!Objects.equals(binding.method(), payload.get("method"))
                || !Objects.equals(binding.tool(), payload.get("tool"))) {
            throw refused(
                    "The requestState was issued for " + payload.get("tool") + ", not for " + binding.tool() + ".");
        }
        return payload.get("state") instanceof String state ? state : "";
    }

    private static McpException refused(String why) {
        return McpException.invalidParams(why + RETRY);
    }

    private static Optional<byte[]> decode(String text) {
        try {
            return Optional.of(DECODER.decode(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> payload(String body) {
        try {
            return JSON.readValue(DECODER.decode(body), new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException | IllegalArgumentException unreadable) {
            // Only a key holder can sign, so this is a bug or a leaked key, not a client's mistake.
            throw refused("The requestState is signed but unreadable.");
        }
    }

    private static byte[] mac(SecretKeySpec key, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
