package io.kmcp.bootstrap.cli;

import io.kmcp.adapters.kubernetes.manifest.SnakeYamlManifestParser;
import io.kmcp.application.port.in.AuditManifests;
import io.kmcp.application.port.in.AuditManifests.AuditReport;
import io.kmcp.application.port.in.AuditManifests.ManifestSource;
import io.kmcp.application.port.in.AuditManifests.SourceReport;
import io.kmcp.application.service.AuditManifestsService;
import io.kmcp.domain.policy.AccessPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code k-mcp audit PATH…}: the server's policy applied to manifest files, without a cluster and
 * without starting the server. Exit status 0 when every document is allowed, 1 when any is refused,
 * 2 when an input cannot be read.
 */
public final class AuditCommand {

    static final int ALLOWED = 0;
    static final int REFUSED = 1;
    static final int UNREADABLE = 2;

    private AuditCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> restricted = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--restrict=")) {
                restricted.addAll(List.of(arg.substring("--restrict=".length()).split(",")));
            } else if (arg.startsWith("--")) {
                err.println("k-mcp audit: unknown flag " + arg + "; usage: k-mcp audit [--restrict=LIST] PATH...");
                return UNREADABLE;
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println("k-mcp audit: no path given; usage: k-mcp audit [--restrict=LIST] PATH... (files or"
                    + " directories of .yaml, .yml and .json manifests)");
            return UNREADABLE;
        }
        AccessPolicy policy;
        try {
            policy = restricted.isEmpty() ? AccessPolicy.builtIn() : AccessPolicy.withExtraRestrictions(restricted);
        } catch (IllegalArgumentException e) {
            err.println("k-mcp audit: " + e.getMessage());
            return UNREADABLE;
        }
        List<ManifestSource> sources = new ArrayList<>();
        boolean unreadable = false;
        for (Path path : paths) {
            try {
                for (Path file : manifestFiles(path)) {
                    sources.add(new ManifestSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println(path + ": cannot be read (" + e.getMessage() + ")");
                unreadable = true;
            }
        }
        AuditManifests audit = new AuditManifestsService(new SnakeYamlManifestParser(), policy);
        AuditReport report = audit.audit(sources);
        for (SourceReport source : report.sources()) {
            source.unreadable().ifPresent(reason -> err.println(source.name() + ": cannot be parsed: " + reason));
            source.refusals().forEach(refusal -> out.println(source.name() + ": " + refusal));
        }
        if (unreadable || report.anyUnreadable()) {
            return UNREADABLE;
        }
        return report.anyRefused() ? REFUSED : ALLOWED;
    }

    private static List<Path> manifestFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IOException("no such file or directory");
            }
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase();
                        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        }
    }
}
