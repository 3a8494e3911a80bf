package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM started with {@code -XX:NativeMemoryTracking=summary} has committed, by category ({@code
 * jcmd <pid> VM.native_memory summary}): the heap is only part of a process's resident memory.
 */
final class NativeMemory {

    static final String OPTION = "-XX:NativeMemoryTracking=summary";
    static final String TOTAL = "Total";

    private static final Pattern TOTAL_LINE = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY_LINE =
            Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB");

    private NativeMemory() {}

    /** Committed KiB by category, {@value #TOTAL} first, as the JVM of {@code pid} reports it. */
    static Map<String, Long> committedKib(Path jcmd, long pid) {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(jcmd + " " + pid + " VM.native_memory summary failed:\n" + out);
            }
            return parse(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> parse(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        for (String line : summary.lines().map(String::strip).toList()) {
            Matcher total = TOTAL_LINE.matcher(line);
            if (total.find()) {
                committed.put(TOTAL, Long.parseLong(total.group(2)));
                continue;
            }
            Matcher category = CATEGORY_LINE.matcher(line);
            if (category.find()) {
                committed.put(category.group(1).strip(), Long.parseLong(category.group(3)));
            }
        }
        if (!committed.containsKey(TOTAL)) {
            throw new IllegalStateException("no native memory summary in:\n" + summary);
        }
        return committed;
    }

    /** One summary: when it was taken, committed KiB by category, and the process's VmRSS then. */
    record Column(String label, Map<String, Long> committed, OptionalLong rss) {}

    /**
     * A Markdown table of summaries side by side, the categories ordered by the last, with the change
     * from the one before the last to the last, and the process's RSS at each.
     */
    static String table(List<Column> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        Column last = columns.get(columns.size() - 1);
        Column previous = columns.size() > 1 ? columns.get(columns.size() - 2) : last;
        StringBuilder out = new StringBuilder("| category (committed) |");
        columns.forEach(column -> out.append(" ").append(column.label()).append(" |"));
        out.append(" change, last two |\n|---|");
        columns.forEach(column -> out.append("---:|"));
        out.append("---:|\n");
        out.append("| VmRSS (resident, not NMT) |");
        columns.forEach(column ->
                out.append(" ").append(ThroughputReport.mib(column.rss())).append(" |"));
        out.append(" ")
                .append(
                        previous.rss().isPresent() && last.rss().isPresent()
                                ? mibChange(
                                        last.rss().getAsLong() - previous.rss().getAsLong())
                                : "—")
                .append(" |\n");
        Set<String> categories = new LinkedHashSet<>();
        categories.add(TOTAL);
        last.committed().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TOTAL))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> categories.add(entry.getKey()));
        columns.forEach(column -> categories.addAll(column.committed().keySet()));
        for (String category : categories) {
            boolean significant =
                    columns.stream().anyMatch(column -> column.committed().getOrDefault(category, 0L) >= 1024);
            if (!significant) {
                continue;
            }
            out.append("| ")
                    .append(category.equals(TOTAL) ? "**NMT total**" : category)
                    .append(" |");
            columns.forEach(column -> out.append(" ")
                    .append(ThroughputReport.mib(
                            OptionalLong.of(column.committed().getOrDefault(category, 0L))))
                    .append(" |"));
            out.append(" ")
                    .append(mibChange(last.committed().getOrDefault(category, 0L)
                            - previous.committed().getOrDefault(category, 0L)))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String mibChange(long kib) {
        return String.format(Locale.ROOT, "%+.0f MiB", kib / 1024.0).replace("-", "−");
    }
}
