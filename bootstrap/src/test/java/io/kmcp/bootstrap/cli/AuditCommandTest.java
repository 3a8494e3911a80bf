package io.kmcp.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("k-mcp audit PATH...")
class AuditCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    @DisplayName("exit 0 and no output when every document is allowed")
    void clean() throws IOException {
        write("app.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data:
                  ca.crt: |
                    -----BEGIN CERTIFICATE-----
                    ---
                    -----END CERTIFICATE-----
                """);

        assertThat(run(dir.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("exit 1 and one line per refused document, List items and nested directories included")
    void refused() throws IOException {
        write("ok.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n");
        Files.createDirectories(dir.resolve("rbac"));
        write("rbac/bindings.yml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRoleBinding
                    metadata: {name: everyone-admin}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: password, namespace: shop}
                """);

        assertThat(run(dir.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("bindings.yml").contains("restricted"))
                .anySatisfy(line -> assertThat(line).contains("ClusterRoleBinding"))
                .anySatisfy(line -> assertThat(line).contains("Secret"));
    }

    @Test
    @DisplayName("operator extras are honoured")
    void extras() throws IOException {
        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");

        assertThat(run("--restrict=configmaps,ConfigMap", dir.toString())).isEqualTo(1);
    }

    @Test
    @DisplayName("exit 2 for a missing path or malformed YAML, named on standard error")
    void unreadable() throws IOException {
        write("broken.yaml", "apiVersion: v1\nkind: [unclosed\n");

        assertThat(run(dir.resolve("broken.yaml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.yaml");
        assertThat(run(dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    private int run(String... args) {
        return AuditCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
