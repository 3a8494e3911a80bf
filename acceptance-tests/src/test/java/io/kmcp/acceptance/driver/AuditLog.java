package io.kmcp.acceptance.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The API server's audit log (JSON lines): what actually reached the cluster, whoever sent it. The
 * requests k-mcp sent are the ones whose user agent starts with {@value #KMCP_USER_AGENT}.
 */
public final class AuditLog {

    public static final String KMCP_USER_AGENT = "k-mcp/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Source source;

    AuditLog(Path file) {
        this(() -> file);
    }

    private AuditLog(Source source) {
        this.source = source;
    }

    /**
     * Where the log's current text is on this machine: the API server's own file, or a copy of it
     * fetched anew from where the API server writes it (inside a container).
     */
    @FunctionalInterface
    interface Source {
        Path current() throws IOException;
    }

    /** A log read through a fresh copy each time, for an API server whose file this machine cannot open. */
    static AuditLog copiedBy(Source source) {
        return new AuditLog(source);
    }

    /** Where the log ends now: entries written later are read with {@link #since}. */
    public long end() {
        try {
            return Files.size(source.current());
        } catch (NoSuchFileException none) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete entry from the given position on. */
    public List<Entry> since(long position) {
        List<Entry> entries = new ArrayList<>();
        try (SeekableByteChannel channel = Files.newByteChannel(source.current(), StandardOpenOption.READ)) {
            channel.position(position);
            InputStream in = Channels.newInputStream(channel);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                // The API server may be writing the last line right now; a partial line is not an entry yet.
                if (line.isBlank() || !line.endsWith("}")) {
                    continue;
                }
                entries.add(new Entry(JSON.readTree(line)));
            }
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public List<Entry> all() {
        return since(0);
    }

    /** The entries from the position on that match, waiting a little for some to be written. */
    public List<Entry> awaitAny(long position, Predicate<Entry> wanted) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<Entry> found = since(position).stream().filter(wanted).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Pause.briefly();
        }
    }

    /** One request as the API server recorded it. */
    public record Entry(JsonNode json) {

        public String verb() {
            return json.path("verb").asText("");
        }

        public String userAgent() {
            return json.path("userAgent").asText("");
        }

        public boolean fromKmcp() {
            return userAgent().startsWith(KMCP_USER_AGENT);
        }

        public String resource() {
            return json.path("objectRef").path("resource").asText("");
        }

        public Optional<String> namespace() {
            return Optional.ofNullable(json.path("objectRef").path("namespace").textValue());
        }

        public String requestUri() {
            return json.path("requestURI").asText("");
        }

        /**
         * The request's id: a long-running request (a log, a watch) is recorded twice, when its response
         * starts and when it completes, under the same id.
         */
        public String auditId() {
            return json.path("auditID").asText("");
        }

        /** Who the API server authenticated: for k-mcp's requests, the agent's service account. */
        public String username() {
            return json.path("user").path("username").asText("");
        }

        /** A request about objects (or their logs), as opposed to discovery ({@code /api}, {@code /apis/...}). */
        public boolean isAboutObjects() {
            return json.hasNonNull("objectRef");
        }

        public boolean isDeletion() {
            return verb().equals("delete") || verb().equals("deletecollection");
        }

        @Override
        public String toString() {
            return verb() + " " + requestUri() + " by "
                    + json.path("user").path("username").asText("?") + " (" + userAgent() + ")";
        }
    }
}
