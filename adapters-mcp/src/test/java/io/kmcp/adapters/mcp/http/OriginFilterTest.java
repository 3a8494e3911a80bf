package io.kmcp.adapters.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OriginFilterTest {

    private final OriginFilter filter =
            new OriginFilter("/mcp", List.of("https://Console.Example.com", "http://localhost:*"));

    @Test
    @DisplayName("Origins match exactly, ignoring case, or on any port where the entry says :*")
    void matching() {
        assertThat(filter.isAllowed("https://console.example.com")).isTrue();
        assertThat(filter.isAllowed("http://localhost:6274")).isTrue();
        assertThat(filter.isAllowed("http://localhost")).isFalse();
        assertThat(filter.isAllowed("http://localhost:6274.evil.example")).isFalse();
        assertThat(filter.isAllowed("https://console.example.com.evil.example")).isFalse();
        assertThat(filter.isAllowed("null")).isFalse();
    }

    @Test
    @DisplayName("An allowed origin with a path, or not http(s), is refused at start-up")
    void malformedEntries() {
        assertThatThrownBy(() -> new OriginFilter("/mcp", List.of("https://a.example/app")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OriginFilter("/mcp", List.of("file://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
