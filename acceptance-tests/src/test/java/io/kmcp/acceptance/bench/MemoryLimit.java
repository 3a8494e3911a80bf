package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The memory limit a process of the benchmark runs under, as a container would give it: a cgroup v1
 * memory controller group with {@code memory.limit_in_bytes} when this machine lets the benchmark make
 * one (root, a writable {@code /sys/fs/cgroup/memory}), so that the JVM sizes itself from the limit as
 * in a container; otherwise {@code -XX:MaxRAM}, which makes the JVM size its heap alike but bounds
 * nothing. {@link #description()} says which it was.
 *
 * @param group the cgroup, when there is one; removed by {@link #close()}
 * @param prefix the words that start the command inside the group (empty without one)
 * @param options JVM options standing in for the group (empty with one)
 */
record MemoryLimit(long bytes, Optional<Path> group, List<String> prefix, List<String> options, String description)
        implements AutoCloseable {

    static final Path MEMORY_CONTROLLER = Path.of("/sys/fs/cgroup/memory");

    MemoryLimit {
        prefix = List.copyOf(prefix);
        options = List.copyOf(options);
    }

    /** A cgroup named {@code name} limited to {@code bytes}, or the {@code -XX:MaxRAM} stand-in. */
    static MemoryLimit of(long bytes, String name) {
        return of(bytes, name, MEMORY_CONTROLLER);
    }

    static MemoryLimit of(long bytes, String name, Path controller) {
        Path group = controller.resolve(name + "-" + ProcessHandle.current().pid());
        String size = mib(bytes);
        try {
            if (!Files.isWritable(controller.resolve("cgroup.procs"))) {
                throw new IOException(controller + " is not a writable cgroup v1 memory controller");
            }
            Files.createDirectories(group);
            Files.writeString(group.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            long applied = Long.parseLong(
                    Files.readString(group.resolve("memory.limit_in_bytes")).strip());
            if (applied > bytes) {
                throw new IOException("the limit did not take: " + applied);
            }
            // The shell joins the group, then becomes the command: the JVM starts inside the limit.
            List<String> prefix = List.of(
                    "sh",
                    "-c",
                    "echo $$ > \"$0\" && exec \"$@\"",
                    group.resolve("cgroup.procs").toString());
            return new MemoryLimit(
                    bytes,
                    Optional.of(group),
                    prefix,
                    List.of(),
                    "a cgroup v1 memory limit of " + size + " (" + group.resolve("memory.limit_in_bytes")
                            + "), as a container's");
        } catch (IOException | RuntimeException e) {
            removeQuietly(group);
            return new MemoryLimit(
                    bytes,
                    Optional.empty(),
                    List.of(),
                    List.of("-XX:MaxRAM=" + (bytes >> 20) + "m"),
                    "-XX:MaxRAM=" + (bytes >> 20) + "m (no cgroup could be made: " + e.getMessage()
                            + "; the JVM sizes itself as under a limit of " + size + ", but nothing enforces it)");
        }
    }

    /** Removes the group; its processes must have ended (a group with members cannot be removed). */
    @Override
    public void close() {
        group.ifPresent(MemoryLimit::removeQuietly);
    }

    private static void removeQuietly(Path group) {
        try {
            Files.deleteIfExists(group);
        } catch (IOException stillInUse) {
            System.err.println("[bench] cannot remove " + group + ": " + stillInUse.getMessage());
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
