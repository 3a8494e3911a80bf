package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What each diagnosis cost, for the record, not for an assertion: one line per diagnosis scenario in
 * {@code target/diagnosis-measurements.tsv} (the file is started afresh by the first line of a run),
 * printed at the end of the run.
 */
public final class Measurements {

    static final String HEADER = "scenario\tapiRequests\tauditRequests\tauditDiscovery\tlatencyMs\ttextChars";

    private static final Path FILE =
            Paths.get(System.getProperty("kmcp.measurements", "target/diagnosis-measurements.tsv"));
    private static boolean started;

    private Measurements() {}

    /**
     * One diagnosis call.
     *
     * @param apiRequests the count k-mcp reported in its answer ({@code apiRequests})
     * @param auditRequests the requests for objects and logs the API server's audit log recorded from
     *     k-mcp for the agent during the call
     * @param auditDiscovery the discovery requests ({@code /api}, {@code /apis/...}) it recorded then
     * @param latencyMillis how long the tool call took, as the agent's client saw it
     * @param textChars the length of the text answer
     */
    public record Diagnosis(
            String scenario,
            int apiRequests,
            int auditRequests,
            int auditDiscovery,
            long latencyMillis,
            int textChars) {

        String line() {
            return String.join(
                    "\t",
                    scenario.replaceAll("[\\t\\n]", " "),
                    Integer.toString(apiRequests),
                    Integer.toString(auditRequests),
                    Integer.toString(auditDiscovery),
                    Long.toString(latencyMillis),
                    Integer.toString(textChars));
        }
    }

    /** Appends the line of one diagnosis scenario. */
    public static synchronized void record(Diagnosis diagnosis) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            if (!started) {
                Files.writeString(FILE, HEADER + "\n", StandardCharsets.UTF_8);
                started = true;
            }
            Files.writeString(FILE, diagnosis.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table this run wrote, if it wrote one. */
    public static synchronized List<String> lines() {
        if (!started) {
            return List.of();
        }
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file() {
        return FILE.toAbsolutePath();
    }
}
