package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Native memory tracking's summary")
class NativeMemoryTest {

    private static final String SUMMARY = """
            12345:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1782309KB, committed=424453KB
                   malloc: 36652KB #120345
                   mmap:   reserved=1745657KB, committed=387801KB

            -                 Java Heap (reserved=262144KB, committed=262144KB)
                                        (mmap: reserved=262144KB, committed=262144KB)

            -                     Class (reserved=1050783KB, committed=52383KB)
                                        (classes #9001)

            -                    Thread (reserved=60000KB, committed=6000KB)
                                        (thread #59)
            """;

    @Test
    @DisplayName("the total and every category's committed KiB")
    void parse() {
        assertThat(NativeMemory.parse(SUMMARY))
                .containsExactly(
                        Map.entry(NativeMemory.TOTAL, 424453L),
                        Map.entry("Java Heap", 262144L),
                        Map.entry("Class", 52383L),
                        Map.entry("Thread", 6000L));
        assertThatThrownBy(() -> NativeMemory.parse("Native memory tracking is not enabled"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("summaries side by side, the largest category of the last first, with the change of the last two")
    void table() {
        Map<String, Long> before = NativeMemory.parse(SUMMARY);
        Map<String, Long> after = NativeMemory.parse(SUMMARY.replace("committed=6000KB", "committed=56000KB")
                .replace("committed=424453KB", "committed=474453KB"));

        String table = NativeMemory.table(List.of(
                new NativeMemory.Column("idle", before, OptionalLong.of(300 * 1024)),
                new NativeMemory.Column("before", before, OptionalLong.of(400 * 1024)),
                new NativeMemory.Column("after", after, OptionalLong.of(460 * 1024))));

        assertThat(table)
                .contains("| category (committed) | idle | before | after | change, last two |")
                .contains("| VmRSS (resident, not NMT) | 300 MiB | 400 MiB | 460 MiB | +60 MiB |")
                .contains("| **NMT total** | 415 MiB | 415 MiB | 463 MiB | +49 MiB |")
                .contains("| Thread | 6 MiB | 6 MiB | 55 MiB | +49 MiB |");
        assertThat(table.indexOf("| Java Heap")).isLessThan(table.indexOf("| Thread"));
        assertThat(table.indexOf("| Thread")).isLessThan(table.indexOf("| Class"));
    }
}
