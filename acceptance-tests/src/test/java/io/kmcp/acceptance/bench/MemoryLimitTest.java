package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The memory limit the launcher's run is measured under")
class MemoryLimitTest {

    private static final long LIMIT = 512L << 20;

    @Test
    @DisplayName(
            "a writable memory controller gets a group with the limit, which the command joins before the JVM starts")
    void cgroup(@TempDir Path controller) throws IOException {
        Files.writeString(controller.resolve("cgroup.procs"), "");

        MemoryLimit limit = MemoryLimit.of(LIMIT, "bench", controller);

        Path group = limit.group().orElseThrow();
        assertThat(Files.readString(group.resolve("memory.limit_in_bytes"))).isEqualTo("536870912");
        assertThat(limit.prefix())
                .containsExactly(
                        "sh",
                        "-c",
                        "echo $$ > \"$0\" && exec \"$@\"",
                        group.resolve("cgroup.procs").toString());
        assertThat(limit.options()).isEmpty();
        assertThat(limit.description()).startsWith("a cgroup v1 memory limit of 512 MiB");
    }

    @Test
    @DisplayName(
            "without a memory controller the JVM is told the limit with -XX:MaxRAM, and the report says nothing enforces it")
    void fallback(@TempDir Path notAController) {
        MemoryLimit limit = MemoryLimit.of(LIMIT, "bench", notAController);

        assertThat(limit.group()).isEmpty();
        assertThat(limit.prefix()).isEmpty();
        assertThat(limit.options()).containsExactly("-XX:MaxRAM=512m");
        assertThat(limit.description())
                .startsWith("-XX:MaxRAM=512m (no cgroup could be made")
                .contains("nothing enforces it");
        assertThat(notAController).isEmptyDirectory();
    }
}
