package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where k-mcp spends its time and allocates during a measured window of a flight recording: the
 * execution samples ({@code jdk.ExecutionSample}) by top frame, by method anywhere on the stack, by
 * package and by thread; the allocation samples ({@code jdk.ObjectAllocationSample}) by site and class;
 * collections, pauses and CPU load. Only events inside the window count, so start-up and warm-up do not.
 */
final class HotFrames {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String PRODUCT_PACKAGE = "io.kmcp.";

    /** The JDK's packages that any code calls: a sample whose top is there is charged to its caller's library. */
    static final Set<String> GENERIC = Set.of(
            "java.lang",
            "java.lang.invoke",
            "java.lang.reflect",
            "java.util",
            "java.util.concurrent",
            "java.util.function",
            "java.util.stream",
            "jdk.internal.misc",
            "jdk.internal.reflect",
            "jdk.internal.util");

    static final String OWN_CODE = "its own code, with the JDK's collections and strings";

    /** How often the recording samples the threads (the profile settings' 10 ms gives too few samples here). */
    static final String SAMPLE_PERIOD = "2 ms";

    private HotFrames() {}

    /** A measured window and what the load generator saw in it. */
    record Window(
            String label,
            Instant from,
            Instant to,
            double callsPerSecond,
            double p50Millis,
            double p99Millis,
            long failed) {

        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }

        double seconds() {
            return Duration.between(from, to).toMillis() / 1000.0;
        }
    }

    /** One window's aggregates; counts are samples, allocation weights are bytes. */
    static final class Aggregate {
        final Window window;
        long samples;
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> selfLines = new HashMap<>();
        final Map<String, Long> inclusive = new HashMap<>();
        final Map<String, Long> nearestProduct = new HashMap<>();
        final Map<String, Long> nearestProductCallee = new HashMap<>();
        final Map<String, Long> nearestProductTop = new HashMap<>();
        final Map<String, Long> packages = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();
        long allocated;
        final Map<String, Long> allocationSites = new HashMap<>();
        final Map<String, Long> allocationClasses = new HashMap<>();
        final Map<String, Long> allocationProductSites = new HashMap<>();
        int collections;
        Duration pauses = Duration.ZERO;
        double jvmCpuSum;
        double machineCpuSum;
        int cpuReadings;

        Aggregate(Window window) {
            this.window = window;
        }

        long count(String method) {
            return inclusive.getOrDefault(method, 0L);
        }
    }

    /** Reads the recording and aggregates the events of each window. */
    static List<Aggregate> read(Path recording, List<Window> windows) {
        List<Aggregate> aggregates = windows.stream().map(Aggregate::new).toList();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                for (Aggregate aggregate : aggregates) {
                    if (aggregate.window.contains(event.getStartTime())) {
                        add(aggregate, event);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + recording, e);
        }
        return aggregates;
    }

    private static void add(Aggregate aggregate, RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case EXECUTION_SAMPLE -> execution(aggregate, event);
            case ALLOCATION_SAMPLE -> allocation(aggregate, event);
            case "jdk.GarbageCollection" -> {
                aggregate.collections++;
                aggregate.pauses = aggregate.pauses.plus(event.getDuration("sumOfPauses"));
            }
            case "jdk.CPULoad" -> {
                aggregate.jvmCpuSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                aggregate.machineCpuSum += event.getFloat("machineTotal");
                aggregate.cpuReadings++;
            }
            default -> {
                // not aggregated
            }
        }
    }

    private static void execution(Aggregate aggregate, RecordedEvent event) {
        List<RecordedFrame> frames = frames(event);
        if (frames.isEmpty()) {
            return;
        }
        aggregate.samples++;
        RecordedFrame top = frames.get(0);
        String topMethod = method(top);
        increment(aggregate.self, topMethod, 1);
        increment(aggregate.selfLines, topMethod + ":" + top.getLineNumber(), 1);
        increment(aggregate.packages, group(top.getMethod().getType().getName()), 1);
        Set<String> once = new LinkedHashSet<>();
        frames.forEach(frame -> once.add(method(frame)));
        once.forEach(method -> increment(aggregate.inclusive, method, 1));
        int nearest = 0;
        while (nearest < frames.size() && !product(frames.get(nearest))) {
            nearest++;
        }
        if (nearest == frames.size()) {
            String outside = "(no k-mcp frame on the stack) "
                    + library(frames, frames.size()).orElse(group(top));
            increment(aggregate.nearestProduct, outside, 1);
            increment(aggregate.nearestProductCallee, outside, 1);
            increment(aggregate.nearestProductTop, outside, 1);
        } else {
            String product = method(frames.get(nearest));
            increment(aggregate.nearestProduct, product, 1);
            increment(
                    aggregate.nearestProductCallee,
                    product + " → " + (nearest == 0 ? "(itself)" : method(frames.get(nearest - 1))),
                    1);
            increment(
                    aggregate.nearestProductTop,
                    product + " ⇒ " + library(frames, nearest).orElse(OWN_CODE),
                    1);
        }
        Optional.ofNullable(event.getThread("sampledThread"))
                .map(thread -> thread.getJavaName())
                .ifPresent(name -> increment(aggregate.threads, threadGroup(name), 1));
    }

    private static void allocation(Aggregate aggregate, RecordedEvent event) {
        long weight = event.getLong("weight");
        aggregate.allocated += weight;
        Optional.ofNullable(event.getClass("objectClass"))
                .ifPresent(type -> increment(aggregate.allocationClasses, type.getName(), weight));
        List<RecordedFrame> frames = frames(event);
        if (frames.isEmpty()) {
            return;
        }
        increment(aggregate.allocationSites, method(frames.get(0)), weight);
        frames.stream()
                .filter(HotFrames::product)
                .findFirst()
                .ifPresent(frame -> increment(aggregate.allocationProductSites, method(frame), weight));
    }

    /**
     * The package group of the first frame from the top, before {@code until}, that is not in the JDK's
     * generic packages (collections, strings, method handles): the library the time went to.
     */
    static Optional<String> library(List<RecordedFrame> frames, int until) {
        for (RecordedFrame frame : frames.subList(0, until)) {
            String group = group(frame);
            if (!GENERIC.contains(group)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private static String group(RecordedFrame frame) {
        return group(frame.getMethod().getType().getName());
    }

    private static boolean product(RecordedFrame frame) {
        return frame.getMethod().getType().getName().startsWith(PRODUCT_PACKAGE);
    }

    private static List<RecordedFrame> frames(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        return stack == null ? List.of() : stack.getFrames();
    }

    /** {@code package.Type.method}, a lambda's or hidden class's generated suffix left out. */
    static String method(RecordedFrame frame) {
        return typeName(frame.getMethod().getType().getName()) + "."
                + frame.getMethod().getName();
    }

    static String typeName(String name) {
        // $$Lambda$123/0x0000000800c4b040 (JDK 17), $$Lambda+0x00007f6ef48d3548.99412624 (as JFR names
        // it), $$Lambda/0x000001f0 (JDK 21 and later): one name for all the instances of a lambda.
        return name.replaceAll("\\$\\$Lambda(\\$[0-9]+)?([/+]0x[0-9a-f]+)?([./][0-9]+)?", "\\$\\$Lambda");
    }

    /** The first three parts of a type's package ({@code com.fasterxml.jackson}, {@code java.util.regex}). */
    static String group(String type) {
        int end = type.lastIndexOf('.');
        String pkg = end < 0 ? "(default)" : type.substring(0, end);
        String[] parts = pkg.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length)));
    }

    /** A thread's name with its numbers as {@code N}: {@code http-nio-N-exec-N}. */
    static String threadGroup(String name) {
        return name.replaceAll("[0-9]+", "N");
    }

    private static void increment(Map<String, Long> counts, String key, long by) {
        counts.merge(key, by, Long::sum);
    }

    // ---------------------------------------------------------------------------------------------

    static String markdown(String title, List<Aggregate> aggregates, Map<String, String> facts) {
        return markdown(title, aggregates, "", facts);
    }

    /** @param memory a Markdown section on memory, after the windows; empty for none */
    static String markdown(String title, List<Aggregate> aggregates, String memory, Map<String, String> facts) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append("Where k-mcp's threads were when the JVM sampled them (`jdk.ExecutionSample`, every "
                + SAMPLE_PERIOD
                + " at most, of threads running Java code), and where it allocated (`jdk.ObjectAllocationSample`),"
                + " during the measured windows only: start-up and warm-up are left out. A frame's share is of that"
                + " window's execution samples. Under a recording the calls are somewhat slower than in"
                + " `throughput.md`.\n");
        for (Aggregate aggregate : aggregates) {
            window(out, aggregate);
        }
        out.append(memory);
        out.append("\n## Run\n\n");
        facts.forEach((name, value) ->
                out.append("- ").append(name).append(": ").append(value).append("\n"));
        out.append("- reproduce: `bench/throughput.sh --profile` (recording under target/bench/throughput/);"
                + " on JDK 21 and later `jfr view hot-methods <recording>` summarizes the whole recording,"
                + " start-up included.\n");
        return out.toString();
    }

    private static void window(StringBuilder out, Aggregate aggregate) {
        Window window = aggregate.window;
        long samples = Math.max(1, aggregate.samples);
        out.append("\n## ").append(window.label()).append("\n\n");
        double calls = window.callsPerSecond() * window.seconds();
        out.append(String.format(
                Locale.ROOT,
                "- %.0f s, %s calls/s, p50 %s ms, p99 %s ms, %d failed; %d execution samples%n",
                window.seconds(),
                ThroughputReport.rate(window.callsPerSecond()),
                ThroughputReport.millis(window.p50Millis()),
                ThroughputReport.millis(window.p99Millis()),
                window.failed(),
                aggregate.samples));
        if (aggregate.cpuReadings > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "- CPU: k-mcp's JVM %.0f%% of the machine, the machine %.0f%% (all processes)%n",
                    100 * aggregate.jvmCpuSum / aggregate.cpuReadings,
                    100 * aggregate.machineCpuSum / aggregate.cpuReadings));
        }
        out.append(String.format(
                Locale.ROOT,
                "- GC: %d collections, %d ms of pauses; allocation ≈ %.0f MiB/s, ≈ %.0f KiB per call (sampled"
                        + " weights)%n",
                aggregate.collections,
                aggregate.pauses.toMillis(),
                aggregate.allocated / 1048576.0 / Math.max(window.seconds(), 1e-9),
                calls > 0 ? aggregate.allocated / 1024.0 / calls : 0));

        out.append("\n### Top frames (self: the method running when sampled)\n\n");
        table(out, "frame", aggregate.self, samples, 25);

        out.append("\n### Hottest lines of those frames\n\n");
        table(out, "frame:line", aggregate.selfLines, samples, 10);

        out.append("\n### Samples by the nearest k-mcp frame below the top (the k-mcp code that asked for the"
                + " work)\n\n");
        table(out, "k-mcp method (or the top frame's package)", aggregate.nearestProduct, samples, 20);

        out.append("\n### The same, with the method the k-mcp frame called\n\n");
        table(out, "k-mcp method → its callee on the stack", aggregate.nearestProductCallee, samples, 25);

        out.append("\n### The same, with the library the time went to under that k-mcp frame (the first frame"
                + " from the top outside the JDK's collections, strings and method handles)\n\n");
        table(out, "k-mcp method ⇒ library", aggregate.nearestProductTop, samples, 25);

        out.append("\n### k-mcp's own methods on the stack (inclusive)\n\n");
        Map<String, Long> product = new HashMap<>();
        aggregate.inclusive.forEach((method, count) -> {
            if (method.startsWith(PRODUCT_PACKAGE)) {
                product.put(method, count);
            }
        });
        table(out, "method", product, samples, 25);

        out.append("\n### Self samples by package of the top frame\n\n");
        table(out, "package", aggregate.packages, samples, 15);

        out.append("\n### Samples by thread\n\n");
        table(out, "thread", aggregate.threads, samples, 8);

        long allocated = Math.max(1, aggregate.allocated);
        out.append("\n### Allocation by site (top frame), share of sampled bytes\n\n");
        table(out, "site", aggregate.allocationSites, allocated, 15);
        out.append("\n### Allocation by k-mcp's first frame on the stack\n\n");
        table(out, "k-mcp method", aggregate.allocationProductSites, allocated, 10);
        out.append("\n### Allocation by class\n\n");
        table(out, "class", aggregate.allocationClasses, allocated, 10);
    }

    private static void table(StringBuilder out, String what, Map<String, Long> counts, long total, int rows) {
        out.append("| # | ").append(what).append(" | share |\n|---:|---|---:|\n");
        List<Map.Entry<String, Long>> top = top(counts, rows);
        for (int i = 0; i < top.size(); i++) {
            out.append("| ")
                    .append(i + 1)
                    .append(" | `")
                    .append(top.get(i).getKey())
                    .append("` | ")
                    .append(String.format(
                            Locale.ROOT, "%.1f%%", 100.0 * top.get(i).getValue() / total))
                    .append(" |\n");
        }
        if (top.isEmpty()) {
            out.append("| | (none) | |\n");
        }
    }

    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int rows) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries.subList(0, Math.min(rows, entries.size()));
    }
}
