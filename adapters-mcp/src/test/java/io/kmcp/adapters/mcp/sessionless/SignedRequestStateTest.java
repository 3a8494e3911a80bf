package io.kmcp.adapters.mcp.sessionless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.RequestStateSettings;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.modelcontextprotocol.modern.McpException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignedRequestStateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final byte[] OLD = "the old request-state key, 32 bytes or more".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "the new request-state key, 32 bytes or more".getBytes(StandardCharsets.US_ASCII);
    private static final Caller AGENT = caller("system:serviceaccount:shop:agent", "prod");
    private static final SignedRequestState.Binding APPLY =
            new SignedRequestState.Binding(Optional.of(AGENT), "tools/call", "resource_apply");

    @Test
    @DisplayName("A state opens for the caller, cluster and tool it was issued for, within its lifetime")
    void roundTrip() {
        SignedRequestState codec = codec(List.of(NEW), NOW);

        assertThat(codec.open(APPLY, codec.seal(APPLY, "asked"))).isEqualTo("asked");
    }

    @Test
    @DisplayName(
            "Rotation: a state signed with the old key still opens once the new key signs, and new states use the new key")
    void rotation() {
        String signedBefore = codec(List.of(OLD), NOW).seal(APPLY, "asked");
        SignedRequestState rotated = codec(List.of(NEW, OLD), NOW);
        String signedAfter = rotated.seal(APPLY, "asked");

        assertThat(rotated.open(APPLY, signedBefore)).isEqualTo("asked");
        assertThat(codec(List.of(NEW), NOW).open(APPLY, signedAfter)).isEqualTo("asked");
        assertThatThrownBy(() -> codec(List.of(NEW), NOW).open(APPLY, signedBefore))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("does not carry this server's signature");
    }

    @Test
    @DisplayName("A state is refused at its expiry, and accepted a second before")
    void expiry() {
        String state = codec(List.of(NEW), NOW).seal(APPLY, "asked");

        assertThat(codec(List.of(NEW), NOW.plus(Duration.ofMinutes(10)).minusSeconds(1))
                        .open(APPLY, state))
                .isEqualTo("asked");
        assertThatThrownBy(() ->
                        codec(List.of(NEW), NOW.plus(Duration.ofMinutes(10))).open(APPLY, state))
                .hasMessageContaining("The requestState expired at 2026-12-06T10:10:00Z");
    }

    @Test
    @DisplayName("A state is refused for another subject, another cluster, another tool, or without a caller")
    void binding() {
        SignedRequestState codec = codec(List.of(NEW), NOW);
        String state = codec.seal(APPLY, "asked");

        assertThatThrownBy(() -> codec.open(
                        binding(caller("system:serviceaccount:shop:other", "prod"), "resource_apply"), state))
                .hasMessageContaining("issued to another caller");
        assertThatThrownBy(() -> codec.open(
                        binding(caller("system:serviceaccount:shop:agent", "staging"), "resource_apply"), state))
                .hasMessageContaining("issued to another caller");
        assertThatThrownBy(() -> codec.open(binding(AGENT, "resource_get"), state))
                .hasMessageContaining("issued for resource_apply, not for resource_get");
        assertThatThrownBy(() -> codec.open(
                        new SignedRequestState.Binding(Optional.empty(), "tools/call", "resource_apply"), state))
                .hasMessageContaining("issued to another caller");
    }

    @Test
    @DisplayName("Garbage, a missing signature and an altered byte are refused, each with its reason")
    void malformed() {
        SignedRequestState codec = codec(List.of(NEW), NOW);
        String state = codec.seal(APPLY, "asked");
        char last = state.charAt(state.length() - 1);
        String altered = state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> codec.open(APPLY, "garbage")).hasMessageContaining("malformed or truncated");
        assertThatThrownBy(() -> codec.open(APPLY, state.substring(0, state.indexOf('.') + 1)))
                .hasMessageContaining("malformed or truncated");
        assertThatThrownBy(() -> codec.open(APPLY, "a.b.c")).hasMessageContaining("malformed or truncated");
        assertThatThrownBy(() -> codec.open(APPLY, altered))
                .hasMessageContaining("does not carry this server's signature");
        assertThatThrownBy(() -> codec.open(APPLY, state + "%"))
                .hasMessageContaining("does not carry this server's signature");
    }

    @Test
    @DisplayName("Keys shorter than 32 bytes are refused when configured")
    void shortKeys() {
        assertThatThrownBy(() -> RequestStateSettings.shared(List.of(new byte[31]), Duration.ofMinutes(1)))
                .hasMessageContaining("has 31 bytes; at least 32 are needed");
    }

    private static SignedRequestState.Binding binding(Caller caller, String tool) {
        return new SignedRequestState.Binding(Optional.of(caller), "tools/call", tool);
    }

    private static SignedRequestState codec(List<byte[]> keys, Instant now) {
        return new SignedRequestState(
                RequestStateSettings.shared(keys, Duration.ofMinutes(10)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Caller caller(String subject, String cluster) {
        return new Caller(cluster, subject, new BearerToken("token", NOW.plusSeconds(3600)));
    }
}
