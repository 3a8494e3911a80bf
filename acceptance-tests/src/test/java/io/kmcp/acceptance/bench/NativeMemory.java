package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /**
     * A Markdown table of two summaries side by side, the categories ordered by the second, with the
     * process's RSS at each.
     */
    static String table(
            String first,
            Map<String, Long> before,
            OptionalLong rssBefore,
            String second,
            Map<String, Long> after,
            OptionalLong rssAfter) {
        StringBuilder out = new StringBuilder();
        out.append("| category (committed) | ")
                .append(first)
                .append(" | ")
                .append(second)
                .append(" | change |\n|---|---:|---:|---:|\n");
        out.append("| VmRSS (resident, not NMT) | ")
                .append(ThroughputReport.mib(rssBefore))
                .append(" | ")
                .append(ThroughputReport.mib(rssAfter))
                .append(" | ")
                .append(
                        rssBefore.isPresent() && rssAfter.isPresent()
                                ? mibChange(rssAfter.getAsLong() - rssBefore.getAsLong())
                                : "—")
                .append(" |\n");
        Set<String> categories = new LinkedHashSet<>();
        categories.add(TOTAL);
        after.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TOTAL))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> categories.add(entry.getKey()));
        categories.addAll(before.keySet());
        for (String category : categories) {
            long one = before.getOrDefault(category, 0L);
            long other = after.getOrDefault(category, 0L);
            if (one < 1024 && other < 1024) {
                continue;
            }
            out.append("| ")
                    .append(category.equals(TOTAL) ? "**NMT total**" : category)
                    .append(" | ")
                    .append(ThroughputReport.mib(OptionalLong.of(one)))
                    .append(" | ")
                    .append(ThroughputReport.mib(OptionalLong.of(other)))
                    .append(" | ")
                    .append(mibChange(other - one))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String mibChange(long kib) {
        return String.format(Locale.ROOT, "%+.0f MiB", kib / 1024.0).replace("-", "−");
    }
}
