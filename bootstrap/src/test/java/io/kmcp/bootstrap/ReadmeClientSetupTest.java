package io.kmcp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's client setups are pasted as they are: each configuration must parse, and every server
 * it configures must reach k-mcp's one endpoint with the token as a bearer header, however the client
 * spells it (a header, an input, a variable, a bridge's argument).
 */
@DisplayName("The README's client setups")
class ReadmeClientSetupTest {

    private static final Path README =
            Path.of(System.getProperty("kmcp.projectRoot", "..")).resolve("README.md");

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");
    private static final Pattern ENDPOINT = Pattern.compile("^https?://[^/\\s]+/mcp$");
    private static final Pattern BEARER = Pattern.compile("^Bearer \\S+$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(?:input:|env:)?([A-Za-z0-9_-]+)}");

    private static final String SECTION = section("## Connect a client");

    @Test
    @DisplayName("are JSON that parses, each configuring at least one server")
    void configurationsParse() {
        List<JsonNode> configurations =
                blocks("json").stream().map(ReadmeClientSetupTest::parse).toList();
        assertThat(configurations)
                .isNotEmpty()
                .allSatisfy(configuration -> assertThat(servers(configuration)).isNotEmpty());
    }

    @Test
    @DisplayName("point every server at /mcp with an Authorization: Bearer header, inputs declared as passwords")
    void everyServerSendsTheTokenToMcp() {
        for (JsonNode configuration :
                blocks("json").stream().map(ReadmeClientSetupTest::parse).toList()) {
            servers(configuration).forEach((name, server) -> {
                if (server.has("url")) {
                    assertThat(server.path("url").asString()).as(name).matches(ENDPOINT);
                    String authorization =
                            server.path("headers").path("Authorization").asString();
                    assertThat(authorization).as(name).matches(BEARER);
                    declaredInputs(configuration, authorization);
                } else {
                    bridged(name, server);
                }
            });
        }
    }

    @Test
    @DisplayName("run commands that send the token as a bearer header to /mcp")
    void commandsSendTheTokenToMcp() {
        List<String> commands = blocks("bash").stream()
                .flatMap(block -> List.of(block.replace("\\\n", " ").split("\n")).stream())
                .filter(command -> command.contains("://"))
                .toList();
        assertThat(commands).isNotEmpty().allSatisfy(command -> {
            assertThat(urls(command))
                    .isNotEmpty()
                    .allMatch(url -> ENDPOINT.matcher(url).matches());
            assertThat(command).contains("--header \"Authorization: Bearer $");
        });
    }

    /** A stdio bridge: the endpoint among its arguments, and a header whose variable holds the bearer. */
    private static void bridged(String name, JsonNode server) {
        List<String> arguments =
                server.path("args").valueStream().map(JsonNode::asString).toList();
        assertThat(arguments)
                .as(name)
                .anyMatch(argument -> ENDPOINT.matcher(argument).matches());
        int header = arguments.indexOf("--header");
        assertThat(header).as("%s passes a --header", name).isNotNegative().isLessThan(arguments.size() - 1);
        String value = arguments.get(header + 1);
        assertThat(value).as(name).startsWith("Authorization:");
        Matcher variable = VARIABLE.matcher(value);
        assertThat(variable.find())
                .as("%s takes the header from a variable", name)
                .isTrue();
        assertThat(server.path("env").path(variable.group(1)).asString())
                .as(name)
                .matches(BEARER);
    }

    /** Every {@code ${input:id}} the header uses is declared, and typed as a password. */
    private static void declaredInputs(JsonNode configuration, String authorization) {
        Matcher input = Pattern.compile("\\$\\{input:([^}]+)}").matcher(authorization);
        while (input.find()) {
            String id = input.group(1);
            assertThat(configuration.path("inputs").valueStream())
                    .as("input %s", id)
                    .anySatisfy(declared -> {
                        assertThat(declared.path("id").asString()).isEqualTo(id);
                        assertThat(declared.path("password").asBoolean()).isTrue();
                    });
        }
    }

    /** VS Code names them {@code servers}, the other clients {@code mcpServers}. */
    private static Map<String, JsonNode> servers(JsonNode configuration) {
        JsonNode servers =
                configuration.has("servers") ? configuration.path("servers") : configuration.path("mcpServers");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        servers.properties().forEach(server -> byName.put(server.getKey(), server.getValue()));
        return byName;
    }

    private static List<String> urls(String command) {
        Matcher url = Pattern.compile("https?://\\S+").matcher(command);
        List<String> urls = new ArrayList<>();
        while (url.find()) {
            urls.add(url.group());
        }
        return urls;
    }

    private static List<String> blocks(String language) {
        Matcher fence = FENCE.matcher(SECTION);
        List<String> blocks = new ArrayList<>();
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                blocks.add(fence.group(2));
            }
        }
        return blocks;
    }

    private static JsonNode parse(String json) {
        return JsonMapper.builder().build().readTree(json);
    }

    private static String section(String heading) {
        String readme;
        try {
            readme = Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md has a section %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
