package io.kmcp.bootstrap.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an unpacked image's entrypoint as a container runtime would, without one: in a mount namespace of
 * its own, chrooted into the image's files mounted read-only (as {@code readOnlyRootFilesystem: true}),
 * with {@code /proc}, {@code /dev} and an empty writable {@code /tmp}, as the image's user, with the
 * image's environment and nothing else. It shares the host's network, so the test bed's API server on
 * the loopback is reachable. Needs root, as chroot and mount do.
 */
final class UnpackedContainer {

    /** Run by sh with the root, the user and then the command as arguments. */
    private static final String MOUNTS = String.join(
            " && ",
            "root=$1 && user=$2 && shift 2",
            "mount --bind \"$root\" \"$root\"",
            "mount -t proc proc \"$root/proc\"",
            "mount --rbind /dev \"$root/dev\"",
            "mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"",
            "mount -o remount,bind,ro \"$root\"",
            "exec /usr/sbin/chroot --userspec=\"$user\" \"$root\" \"$@\"");

    private UnpackedContainer() {}

    static boolean canRun() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * @param user the image's {@code User} ({@code uid:gid})
     * @param environment the image's {@code Env} and any added, the process's whole environment
     * @param command the entrypoint and its arguments, as paths inside the image
     */
    static Process start(
            Path rootfs, String user, Map<String, String> environment, List<String> command, Path stdout, Path stderr)
            throws IOException {
        List<String> full = new ArrayList<>(List.of(
                "/usr/bin/unshare",
                "--mount",
                "--fork",
                "--kill-child",
                "/bin/sh",
                "-c",
                MOUNTS,
                "sh",
                rootfs.toString(),
                user));
        full.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }
}
