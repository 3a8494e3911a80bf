package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The throughput benchmark's wrk script and output")
class WrkTest {

    private static final URI MCP = URI.create("http://127.0.0.1:8080/mcp");

    @Test
    @DisplayName("reads the numbers of the result line, and the first failure when there is one")
    void parse() {
        String output = """
                Running 6s test @ http://127.0.0.1:8080/mcp
                  2 threads and 16 connections
                WRK_RESULT requests=1200 duration_us=6000000 p50_us=2500 p90_us=4000 p99_us=9100 max_us=12000 \
                socket_errors=1 failed=2
                WRK_FIRST_FAILURE 500 {"error":"boom"}
                Requests/sec:    200.00
                """;

        Wrk.Result result = Wrk.parse(output);

        assertThat(result.requests()).isEqualTo(1200);
        assertThat(result.callsPerSecond()).isEqualTo(200.0);
        assertThat(result.p50Micros()).isEqualTo(2500);
        assertThat(result.p99Micros()).isEqualTo(9100);
        assertThat(result.socketErrors()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.clean()).isFalse();
        assertThat(result.firstFailure()).contains("500 {\"error\":\"boom\"}");
    }

    @Test
    @DisplayName("an output without a result line, or with one lacking a number, is an error that shows the output")
    void parseFails() {
        assertThatThrownBy(() -> Wrk.parse("script.lua:4: '}' expected"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'}' expected");
        assertThatThrownBy(() -> Wrk.parse("WRK_RESULT requests=1 duration_us=2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("p50_us");
    }

    @Test
    @DisplayName("a POST gets its headers and a JSON-RPC id of its own per request, in Lua that Lua can read")
    void postScript() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Mcp-Name", "resource_list");
        String script = Wrk.script(HttpCall.post(
                MCP, headers, "{\"jsonrpc\":\"2.0\",\"id\":" + HttpCall.ID + ",\"method\":\"tools/call\"}"));

        assertThat(script)
                // "[[" would open a long string where a table key is meant.
                .contains("[ [=[Content-Type]=] ] = [=[application/json]=],")
                .contains("[ [=[Mcp-Name]=] ] = [=[resource_list]=],")
                .contains("local before_id = [=[{\"jsonrpc\":\"2.0\",\"id\":]=]")
                .contains("local after_id = [=[,\"method\":\"tools/call\"}]=]")
                .contains("function request()")
                .contains("thread_number * 1000000000 + sent")
                .contains("WRK_RESULT requests=%d")
                .doesNotContain(HttpCall.ID);
    }

    @Test
    @DisplayName("a GET is one request wrk prepares once, with its headers")
    void getScript() {
        String script = Wrk.script(HttpCall.get(URI.create("https://127.0.0.1:6443/api/v1/x"), Map.of("Accept", "x")));

        assertThat(script)
                .contains("wrk.method = method")
                .contains("wrk.headers[name] = value")
                .doesNotContain("function request()");
    }

    @Test
    @DisplayName("a Lua long string is of a level its text does not close")
    void quote() {
        assertThat(Wrk.quote("plain")).isEqualTo("[=[plain]=]");
        assertThat(Wrk.quote("a]=]b")).isEqualTo("[==[a]=]b]==]");
    }

    @Test
    @DisplayName("a JSON-RPC body must say where its id goes")
    void bodyNeedsId() {
        assertThatThrownBy(() -> HttpCall.post(MCP, Map.of(), "{\"id\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpCall.post(MCP, Map.of(), "{\"id\":" + HttpCall.ID + "}").body(7))
                .contains("{\"id\":7}");
    }
}
