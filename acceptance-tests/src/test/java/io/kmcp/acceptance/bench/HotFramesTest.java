package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The hot frames of a flight recording")
class HotFramesTest {

    @Test
    @DisplayName("a method that keeps a thread busy in the window is the top frame, and its lines are counted")
    void busyMethodIsHot(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("test.jfr");
        Instant from;
        Instant to;
        try (Recording recording = new Recording()) {
            recording
                    .enable(HotFrames.EXECUTION_SAMPLE)
                    .withPeriod(Duration.ofMillis(2))
                    .withStackTrace();
            recording.start();
            from = Instant.now();
            spin(Duration.ofMillis(800));
            to = Instant.now();
            recording.stop();
            recording.dump(file);
        }
        assertThat(Files.size(file)).isPositive();

        List<HotFrames.Aggregate> aggregates =
                HotFrames.read(file, List.of(new HotFrames.Window("spin", from, to, 1, 1, 1, 0)));

        HotFrames.Aggregate spin = aggregates.get(0);
        assertThat(spin.samples).isPositive();
        assertThat(HotFrames.top(spin.self, 1).get(0).getKey()).isEqualTo(HotFramesTest.class.getName() + ".spin");
        assertThat(spin.count(HotFramesTest.class.getName() + ".busyMethodIsHot"))
                .isEqualTo(spin.samples);
        // The test is in io.kmcp's packages, so spin is its own nearest k-mcp frame.
        String spinMethod = HotFramesTest.class.getName() + ".spin";
        assertThat(HotFrames.top(spin.nearestProduct, 1).get(0).getKey()).isEqualTo(spinMethod);
        assertThat(HotFrames.top(spin.nearestProductCallee, 1).get(0).getKey()).isEqualTo(spinMethod + " → (itself)");
        assertThat(HotFrames.top(spin.nearestProductTop, 1).get(0).getKey())
                .isEqualTo(spinMethod + " ⇒ " + HotFrames.OWN_CODE);
        String markdown = HotFrames.markdown("title", aggregates, Map.of("machine", "test"));
        assertThat(markdown)
                .contains("## spin")
                .contains("| 1 | `" + HotFramesTest.class.getName() + ".spin` |")
                .contains("- machine: test");
    }

    @Test
    @DisplayName("events outside the window are left out")
    void outsideTheWindow(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("test.jfr");
        try (Recording recording = new Recording()) {
            recording
                    .enable(HotFrames.EXECUTION_SAMPLE)
                    .withPeriod(Duration.ofMillis(2))
                    .withStackTrace();
            recording.start();
            spin(Duration.ofMillis(300));
            recording.stop();
            recording.dump(file);
        }
        Instant later = Instant.now().plusSeconds(60);

        List<HotFrames.Aggregate> aggregates =
                HotFrames.read(file, List.of(new HotFrames.Window("later", later, later.plusSeconds(1), 1, 1, 1, 0)));

        assertThat(aggregates.get(0).samples).isZero();
    }

    @Test
    @DisplayName("a lambda's generated names are one name; a package is grouped by its first three parts")
    void names() {
        assertThat(HotFrames.typeName("a.B$$Lambda$123/0x0000000800c4b040")).isEqualTo("a.B$$Lambda");
        assertThat(HotFrames.typeName("a.B$$Lambda+0x00007f6ef48d3548.99412624"))
                .isEqualTo("a.B$$Lambda");
        assertThat(HotFrames.typeName("a.B$$Lambda/0x000001f0")).isEqualTo("a.B$$Lambda");
        assertThat(HotFrames.typeName("a.B$Inner")).isEqualTo("a.B$Inner");
        assertThat(HotFrames.group("com.fasterxml.jackson.core.json.UTF8StreamJsonParser"))
                .isEqualTo("com.fasterxml.jackson");
        assertThat(HotFrames.group("java.lang.String")).isEqualTo("java.lang");
        assertThat(HotFrames.threadGroup("http-nio-127.0.0.1-8080-exec-12")).isEqualTo("http-nio-N.N.N.N-N-exec-N");
    }

    private static long sink;

    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long value = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                value += i * 31L ^ value;
            }
        }
        sink = value;
    }
}
