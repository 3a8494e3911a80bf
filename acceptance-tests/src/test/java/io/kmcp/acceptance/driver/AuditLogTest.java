package io.kmcp.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading the API server's audit log")
class AuditLogTest {

    private static final String GET = """
            {"verb":"get","userAgent":"k-mcp/0.1.0","requestURI":"/api/v1/namespaces/shop/configmaps/a"}
            """;
    private static final String PATCH = """
            {"verb":"patch","userAgent":"k-mcp/0.1.0","requestURI":"/api/v1/namespaces/shop/configmaps/a"}
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("a log copied out of a container is copied anew for each read, so later entries are seen")
    void copiedLogFollowsTheOriginal() throws IOException {
        Path original = directory.resolve("in-container.log");
        Path copy = directory.resolve("copy.log");
        AuditLog log = AuditLog.copiedBy(() -> Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING));
        Files.writeString(original, GET);

        long mark = log.end();
        Files.writeString(original, PATCH, StandardOpenOption.APPEND);

        assertThat(mark).isEqualTo(GET.length());
        assertThat(log.since(mark)).extracting(AuditLog.Entry::verb).containsExactly("patch");
        assertThat(log.all()).extracting(AuditLog.Entry::verb).containsExactly("get", "patch");
    }

    @Test
    @DisplayName("a line the API server is still writing is not an entry yet")
    void partialLastLine() throws IOException {
        Path file = directory.resolve("audit.log");
        Files.writeString(file, GET + "{\"verb\":\"delete\",\"userAg");

        assertThat(new AuditLog(file).all()).extracting(AuditLog.Entry::verb).containsExactly("get");
    }

    @Test
    @DisplayName("no log yet: it ends at 0 and holds nothing")
    void noLogYet() {
        AuditLog log = new AuditLog(directory.resolve("absent.log"));

        assertThat(log.end()).isZero();
        assertThat(log.all()).isEmpty();
    }
}
