package io.kmcp.acceptance.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the project's install scripts under {@code scripts/}: idempotent, caching what it installs by
 * version, and printing on stdout {@code KEY=path} for each thing it installed, so that the tests run
 * exactly what an operator following the README would.
 */
final class InstallScript {

    private InstallScript() {}

    /** The directory of the project's scripts, as the pom passes it to Failsafe. */
    static Path scripts() {
        return Path.of(System.getProperty("kmcp.scripts", "../scripts"));
    }

    /**
     * Runs {@code scripts/<relative>} (a no-op when its cache is warm) and returns the paths it printed
     * for the given keys, each of which must exist.
     */
    static Map<String, Path> run(String relative, List<String> keys, Duration timeout) {
        Path installer = scripts().resolve(relative);
        NodeTools.Outcome outcome = NodeTools.run(List.of("bash", installer.toString()), Map.of(), timeout);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(installer + " failed:\n" + outcome);
        }
        Map<String, Path> paths = new HashMap<>();
        for (String line : outcome.stdout().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                paths.put(
                        line.substring(0, equals),
                        Path.of(line.substring(equals + 1).strip()));
            }
        }
        for (String key : keys) {
            if (!paths.containsKey(key) || !Files.exists(paths.get(key))) {
                throw new IllegalStateException(installer + " did not name an existing " + key + ":\n" + outcome);
            }
        }
        return Map.copyOf(paths);
    }
}
