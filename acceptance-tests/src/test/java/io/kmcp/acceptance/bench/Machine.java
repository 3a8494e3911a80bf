package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** What the benchmarks record about the machine and the processes they measure, from {@code /proc}. */
final class Machine {

    private Machine() {}

    /** {@code VmRSS} of {@code /proc/<pid>/status}, in KiB. */
    static OptionalLong rssKib(long pid) {
        return procLine(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:")
                .map(value ->
                        OptionalLong.of(Long.parseLong(value.replace("kB", "").strip())))
                .orElse(OptionalLong.empty());
    }

    /** {@code VmRSS} of the process as "123 MiB", or "unknown". */
    static String rss(Optional<ProcessHandle> process) {
        return process.map(handle -> rssKib(handle.pid()))
                .filter(OptionalLong::isPresent)
                .map(kib -> megabytes(kib.getAsLong()))
                .orElse("unknown");
    }

    static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%.0f MiB", kilobytes / 1024.0);
    }

    static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name")
                .map(line -> line.replaceFirst("^\\s*:\\s*", ""))
                .orElse(System.getProperty("os.arch"));
    }

    static String memTotal() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
                .map(value -> megabytes(Long.parseLong(value.replace("kB", "").strip())))
                .orElse("unknown");
    }

    /** The load averages over 1, 5 and 15 minutes, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String description() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), " + memTotal() + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
