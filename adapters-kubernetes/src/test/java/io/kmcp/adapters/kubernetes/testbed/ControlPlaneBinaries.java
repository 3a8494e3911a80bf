package io.kmcp.adapters.kubernetes.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the upstream control plane binaries, building them with {@code
 * scripts/control-plane/build.sh} when they are not cached yet. The build happens at most once per
 * JVM and the script serialises builds across JVMs.
 */
public final class ControlPlaneBinaries {

    private static final String BIN_ENV = "KMCP_CONTROL_PLANE_BIN";
    private static final String BUILD_SCRIPT = "scripts/control-plane/build.sh";
    private static volatile Path binDirectory;

    private ControlPlaneBinaries() {}

    /** The directory holding kube-apiserver, etcd, kubectl and the others. */
    public static synchronized Path directory() {
        if (binDirectory == null) {
            binDirectory =
                    Optional.ofNullable(System.getenv(BIN_ENV)).map(Paths::get).orElseGet(ControlPlaneBinaries::build);
        }
        return binDirectory;
    }

    public static Path binary(String name) {
        Path binary = directory().resolve(name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing or not executable; run " + BUILD_SCRIPT);
        }
        return binary;
    }

    /** The Kubernetes version the binaries report, without the leading v (for example 1.36.3). */
    public static String kubernetesVersion() {
        try {
            return Files.readString(directory().resolve("KUBERNETES_VERSION")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build() {
        Path script = projectRoot().resolve(BUILD_SCRIPT);
        try {
            Process process = new ProcessBuilder("bash", script.toString()).start();
            // Progress goes through System.err so test runners that capture the streams show it.
            Thread progress = new Thread(() -> forward(process), "control-plane-build-progress");
            progress.setDaemon(true);
            progress.start();
            String binLine = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(BIN_ENV + "=")) {
                        binLine = line.substring(BIN_ENV.length() + 1);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || binLine == null) {
                throw new IllegalStateException(script + " failed with exit status " + exit);
            }
            return Paths.get(binLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the control plane", e);
        }
    }

    private static void forward(Process process) {
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            err.lines().forEach(System.err::println);
        } catch (IOException ignored) {
            // the build's own exit status reports failures
        }
    }

    private static Path projectRoot() {
        String configured = System.getProperty("kmcp.projectRoot");
        if (configured != null && Files.exists(Paths.get(configured, BUILD_SCRIPT))) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(BUILD_SCRIPT))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find " + BUILD_SCRIPT + " above "
                + Paths.get("").toAbsolutePath() + "; set -Dkmcp.projectRoot");
    }
}
