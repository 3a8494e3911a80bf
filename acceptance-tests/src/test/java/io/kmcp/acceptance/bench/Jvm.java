package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM that k-mcp runs on in the benchmark: its {@code java} launcher, the options it is given, and
 * what the JVM makes of them (its version, the garbage collector and heap its ergonomics choose on this
 * machine), for the record.
 *
 * @param label how the tables name it ("Java 17")
 * @param limit the memory limit it runs under, if any
 * @param description {@code java -version}'s runtime line, the collector and the maximum heap
 */
record Jvm(String label, Optional<MemoryLimit> limit, Path java, List<String> options, Path jar, String description) {

    private static final Set<String> COLLECTORS =
            Set.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");
    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\S+)\\s+=\\s+(\\S+)");
    /** {@code -Xlog:os+container=trace}: each limit the JVM read; "unlimited" is a huge number in cgroup v1. */
    private static final Pattern CONTAINER_LIMIT = Pattern.compile("Memory Limit is: (\\d+)");

    private static final long NO_LIMIT = 1L << 60;

    Jvm {
        options = List.copyOf(options);
    }

    /**
     * The JVM, options and jar the distribution's {@code bin/k-mcp} starts k-mcp with on the Java of
     * {@code javaHome}, as it prints them ({@code KMCP_PRINT_COMMAND=1}): k-mcp as the README runs it.
     */
    static Jvm launcher(String label, Path launcher, Path javaHome, Optional<MemoryLimit> limit) {
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
            builder.environment().put("KMCP_PRINT_COMMAND", "1");
            builder.environment().put("JAVA_HOME", javaHome.toString());
            Process process = builder.start();
            List<String> words = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            int jar = words.indexOf("-jar");
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || jar < 1) {
                throw new IllegalStateException(launcher + " did not print its command: " + words);
            }
            List<String> options = new ArrayList<>(words.subList(1, jar));
            limit.ifPresent(within -> options.addAll(within.options()));
            return probe(label, limit, Path.of(words.get(0)), options, Path.of(words.get(jar + 1)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + launcher + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the JVM ({@code -XX:+PrintFlagsFinal -version} with the options) what it is. */
    static Jvm probe(String label, Path java, List<String> options, Path jar) {
        return probe(label, Optional.empty(), java, options, jar);
    }

    /** The same, inside {@code limit}: the JVM also says which memory limit it read. */
    static Jvm probe(String label, Optional<MemoryLimit> limit, Path java, List<String> options, Path jar) {
        List<String> command = new ArrayList<>();
        limit.ifPresent(within -> command.addAll(within.prefix()));
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of("-Xlog:os+container=trace", "-XX:+PrintFlagsFinal", "-version"));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return new Jvm(label, limit, java, options, jar, describe(out));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The runtime line, the collector in use and the maximum heap, from {@code -XX:+PrintFlagsFinal -version}. */
    static String describe(String output) {
        String runtime = output.lines()
                .filter(line -> line.contains("Runtime Environment"))
                .findFirst()
                .map(String::strip)
                .orElse("unknown runtime");
        List<String> collectors = new ArrayList<>();
        long initialHeap = -1;
        long maxHeap = -1;
        long containerLimit = NO_LIMIT;
        for (String line : output.lines().toList()) {
            Matcher limit = CONTAINER_LIMIT.matcher(line);
            if (limit.find()) {
                containerLimit = Math.min(containerLimit, Long.parseLong(limit.group(1)));
                continue;
            }
            Matcher flag = FLAG.matcher(line);
            if (!flag.find()) {
                continue;
            }
            String name = flag.group(1);
            String value = flag.group(2);
            if (COLLECTORS.contains(name) && value.equals("true")) {
                collectors.add(name.substring("Use".length()));
            } else if (name.equals("InitialHeapSize")) {
                initialHeap = Long.parseLong(value);
            } else if (name.equals("MaxHeapSize")) {
                maxHeap = Long.parseLong(value);
            }
        }
        return runtime + "; " + (collectors.isEmpty() ? "unknown GC" : String.join("+", collectors))
                + (initialHeap > 0 ? String.format(Locale.ROOT, ", initial heap %d MiB", initialHeap >> 20) : "")
                + (maxHeap > 0 ? String.format(Locale.ROOT, ", max heap %d MiB", maxHeap >> 20) : "")
                + (containerLimit < NO_LIMIT
                        ? String.format(
                                Locale.ROOT, ", container memory limit seen by the JVM %d MiB", containerLimit >> 20)
                        : "");
    }

    /** The command that starts k-mcp with these options: inside the limit's group when there is one. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        limit.ifPresent(within -> command.addAll(within.prefix()));
        command.add(java.toString());
        command.addAll(options);
        return command;
    }

    String commandLine() {
        return java + (options.isEmpty() ? "" : " " + String.join(" ", options)) + " -jar k-mcp.jar";
    }
}
