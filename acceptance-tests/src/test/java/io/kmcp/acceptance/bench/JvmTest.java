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
}
