package io.kmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.RequestStateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestStateKeysTest {

    @Test
    @DisplayName("Key files are read in order, without the newline an editor adds, and are shared by every replica")
    void readsKeys(@TempDir Path dir) throws IOException {
        Path current = Files.writeString(dir.resolve("current"), "c".repeat(32) + "\n");
        Path previous = Files.writeString(dir.resolve("previous"), "p".repeat(40));

        RequestStateSettings settings = McpConfiguration.requestState(
                new KmcpProperties.RequestState(List.of(current, previous), Duration.ofMinutes(5)));

        assertThat(settings.shared()).isTrue();
        assertThat(settings.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.keys()).extracting(key -> key.length).containsExactly(32, 40);
        assertThat(settings.keys().get(0)).isEqualTo("c".repeat(32).getBytes());
    }

    @Test
    @DisplayName("A key shorter than 32 bytes stops start-up with the file, its size and how to make a good one")
    void shortKey(@TempDir Path dir) throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "too short\n");

        assertThatThrownBy(() -> McpConfiguration.requestState(
                        new KmcpProperties.RequestState(List.of(key), Duration.ofMinutes(10))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key.toString())
                .hasMessageContaining("holds 9 bytes; at least 32 are needed")
                .hasMessageContaining("/dev/urandom");
    }

    @Test
    @DisplayName("Without a key file the key is this process's own, and says so")
    void ownKey() {
        RequestStateSettings settings =
                McpConfiguration.requestState(new KmcpProperties.RequestState(List.of(), Duration.ofMinutes(10)));

        assertThat(settings.shared()).isFalse();
        assertThat(settings.keys())
                .singleElement()
                .satisfies(key -> assertThat(key).hasSize(32));
    }

    @Test
    @DisplayName("A lifetime of zero is refused")
    void zeroLifetime() {
        assertThatThrownBy(
                        () -> McpConfiguration.requestState(new KmcpProperties.RequestState(List.of(), Duration.ZERO)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("kmcp.request-state.ttl must be positive");
    }
}
