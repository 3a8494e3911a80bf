package io.kmcp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CycloneDX SBOM the build writes where Spring Boot looks for the application's SBOM, so that the
 * jar carries it and the sbom endpoint can serve it.
 */
@DisplayName("The application's SBOM")
class ApplicationSbomTest {

    static final String LOCATION = "META-INF/sbom/application.cdx.json";

    private static final JsonNode SBOM = read();

    @Test
    @DisplayName("is a CycloneDX document describing k-mcp as an application under its licence")
    void describesKmcp() {
        assertThat(SBOM.path("bomFormat").asString()).isEqualTo("CycloneDX");
        JsonNode application = SBOM.path("metadata").path("component");
        assertThat(application.path("type").asString()).isEqualTo("application");
        assertThat(application.path("group").asString()).isEqualTo("io.kmcp");
        assertThat(application.path("name").asString()).isEqualTo("k-mcp-bootstrap");
        assertThat(application.path("licenses").findValuesAsString("id")).containsExactly("Apache-2.0");
    }

    @Test
    @DisplayName("names every module of k-mcp at the application's version")
    void namesTheModules() {
        String version = SBOM.path("metadata").path("component").path("version").asString();
        assertThat(version).isNotBlank();
        assertThat(versionsOfGroup("io.kmcp"))
                .containsOnly(
                        entry("k-mcp-domain", version),
                        entry("k-mcp-application", version),
                        entry("k-mcp-adapters-mcp", version),
                        entry("k-mcp-adapters-kubernetes", version));
    }

    @Test
    @DisplayName("names fabric8, Spring and the MCP SDK at the versions the application runs with")
    void namesLibrariesAtTheVersionsOnTheClasspath() {
        assertThat(versionsOfGroup("io.fabric8"))
                .containsEntry("kubernetes-client", mavenVersion("io.fabric8", "kubernetes-client"))
                .containsEntry("kubernetes-client-api", mavenVersion("io.fabric8", "kubernetes-client-api"))
                .containsEntry("kubernetes-httpclient-jdk", mavenVersion("io.fabric8", "kubernetes-httpclient-jdk"));
        assertThat(versionsOfGroup("org.springframework.boot"))
                .containsEntry("spring-boot", SpringBootVersion.getVersion());
        assertThat(versionsOfGroup("org.springframework")).containsEntry("spring-core", SpringVersion.getVersion());
        assertThat(versionsOfGroup("io.modelcontextprotocol.sdk"))
                .containsEntry("mcp-core", mavenVersion("io.modelcontextprotocol.sdk", "mcp-core"));
    }

    @Test
    @DisplayName("lists only what the application runs with: no test library, no HTTP client but the JDK's")
    void onlyWhatTheApplicationRuns() {
        assertThat(components())
                .extracting(component -> component.path("group").asString())
                .isNotEmpty()
                .doesNotContain("org.junit.jupiter", "org.assertj", "com.tngtech.archunit", "io.vertx", "io.netty");
    }

    private static Map<String, String> versionsOfGroup(String group) {
        return components().stream()
                .filter(component -> component.path("group").asString().equals(group))
                .collect(Collectors.toMap(
                        component -> component.path("name").asString(),
                        component -> component.path("version").asString()));
    }

    private static List<JsonNode> components() {
        return SBOM.path("components").valueStream().toList();
    }

    /** The version Maven wrote into the library's jar, the one this test runs with. */
    private static String mavenVersion(String group, String artifact) {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static JsonNode read() {
        try (InputStream in = resource(LOCATION)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApplicationSbomTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("%s on the classpath", name).isNotNull();
        return in;
    }
}
