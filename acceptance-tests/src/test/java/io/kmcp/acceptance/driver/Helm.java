package io.kmcp.acceptance.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kmcp.acceptance.driver.NodeTools.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The helm command, built from the Go module proxy by {@code scripts/helm/build.sh} (once per version,
 * cached), run with its own empty configuration and cache so that nothing of the machine's helm set-up
 * takes part, and, for the commands that reach a cluster, that cluster's kubeconfig only.
 */
public final class Helm {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path binary;
    private final Path home;

    private Helm(Path binary, Path home) {
        this.binary = binary;
        this.home = home;
    }

    /** Builds helm if it is not cached yet and returns it, with {@code home} for its configuration and cache. */
    public static Helm build(Path home) {
        Path script = scripts().resolve("helm/build.sh");
        Outcome outcome = NodeTools.run(List.of("bash", script.toString()), Map.of(), BUILD_TIMEOUT);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(script + " failed:\n" + outcome);
        }
        Path binary = outcome.stdout()
                .lines()
                .filter(line -> line.startsWith("KMCP_HELM="))
                .reduce((first, last) -> last)
                .map(line -> Path.of(line.substring("KMCP_HELM=".length()).strip()))
                .filter(Files::isExecutable)
                .orElseThrow(() -> new IllegalStateException(script + " named no helm binary:\n" + outcome));
        return new Helm(binary, home);
    }

    /** The project's chart. */
    public static Path chart() {
        return scripts().getParent().resolve("deploy/helm/k-mcp");
    }

    /** {@code helm <arguments>} without a cluster. */
    public Outcome run(List<String> arguments) {
        return run(arguments, Optional.empty());
    }

    /** {@code helm <arguments>} against the cluster of this kubeconfig. */
    public Outcome run(List<String> arguments, Path kubeconfig) {
        return run(arguments, Optional.of(kubeconfig));
    }

    private Outcome run(List<String> arguments, Optional<Path> kubeconfig) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(arguments);
        Map<String, String> environment = new HashMap<>(Map.of(
                "HELM_CONFIG_HOME",
                home.resolve("config").toString(),
                "HELM_CACHE_HOME",
                home.resolve("cache").toString(),
                "HELM_DATA_HOME",
                home.resolve("data").toString(),
                // No kubeconfig of the machine's: a command that should not reach a cluster cannot.
                "KUBECONFIG",
                kubeconfig
                        .map(Path::toString)
                        .orElse(home.resolve("no-kubeconfig").toString())));
        return NodeTools.run(command, environment, COMMAND_TIMEOUT);
    }

    /**
     * The documents of a multi-document YAML stream, empty ones left out. (Jackson would take a stream
     * whose only document is a list for the list's items: helm renders objects, never a list.)
     */
    public static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
                while (values.hasNext()) {
                    JsonNode document = values.next();
                    if (document != null && !document.isNull() && !document.isMissingNode()) {
                        documents.add(document);
                    }
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML:\n" + yaml, e);
        }
    }

    /** A YAML document (the first, if there are several). */
    public static JsonNode document(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML:\n" + yaml, e);
        }
    }

    private static Path scripts() {
        return Path.of(System.getProperty("kmcp.scripts", "../scripts")).toAbsolutePath();
    }
}
