package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the benchmark records of a JVM")
class JvmTest {

    @Test
    @DisplayName("the runtime, the collector in use and the heap, from -XX:+PrintFlagsFinal -version")
    void describe() {
        String output = """
                [Global flags]
                     bool UseG1GC                                  = true                                   {product} {ergonomic}
                     bool UseMaximumCompactionOnSystemGC           = true                                   {product} {default}
                     bool UseSerialGC                              = false                                  {product} {default}
                   size_t InitialHeapSize                          = 268435456                              {product} {ergonomic}
                   size_t MaxHeapSize                              = 268435456                              {product} {command line}
                openjdk version "17.0.15" 2025-04-15
                OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
                OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)
                """;

        assertThat(Jvm.describe(output))
                .isEqualTo("OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1); G1GC, initial heap 256 MiB,"
                        + " max heap 256 MiB");
    }

    @Test
    @DisplayName(
            "the container memory limit the JVM read, the smallest of those it logs (cgroup v1 logs the unlimited root too)")
    void containerLimit() {
        String output = """
                [0.002s][trace][os,container] Memory Limit is: 536870912
                [0.002s][trace][os,container] Memory Limit is: 9223372036854771712
                [0.002s][trace][os,container] Hierarchical Memory Limit is: 9223372036854771712
                [Global flags]
                     bool UseSerialGC                              = true                                   {product} {command line}
                   size_t MaxHeapSize                              = 216006656                              {product} {ergonomic}
                OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)
                """;

        assertThat(Jvm.describe(output))
                .isEqualTo(
                        "OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS); SerialGC, max heap 206 MiB,"
                                + " container memory limit seen by the JVM 512 MiB");
    }

    @Test
    @DisplayName("no container limit is reported when the JVM read none")
    void noContainerLimit() {
        assertThat(Jvm.describe("[0.002s][trace][os,container] Memory Limit is: 9223372036854771712\n"))
                .doesNotContain("container memory limit");
    }
}
