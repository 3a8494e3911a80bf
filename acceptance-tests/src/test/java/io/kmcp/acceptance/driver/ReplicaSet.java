package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * k-mcp as operators scale it: several replicas, each {@code java -jar k-mcp.jar} with the same flags
 * and the same request-state key file (written for the set, 48 random bytes), behind one
 * {@link LoadBalancer}. Replicas are numbered from 1, as the balancer's configuration names them.
 */
public final class ReplicaSet implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<KmcpServer> replicas;
    private final LoadBalancer balancer;

    private ReplicaSet(List<KmcpServer> replicas, LoadBalancer balancer) {
        this.replicas = List.copyOf(replicas);
        this.balancer = balancer;
    }

    /** Starts the replicas side by side, then the balancer in front of them; stops them all if any fails. */
    public static ReplicaSet start(int count, List<String> flags) {
        List<String> replicaFlags = new ArrayList<>(flags);
        replicaFlags.addAll(List.of("--request-state-key-file", sharedKey().toString()));
        List<CompletableFuture<KmcpServer>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> KmcpServer.start(replicaFlags)));
        }
        List<KmcpServer> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<KmcpServer> replica : starting) {
            try {
                started.add(replica.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            started.forEach(KmcpServer::close);
            throw failure;
        }
        try {
            return new ReplicaSet(
                    started,
                    LoadBalancer.start(started.stream().map(KmcpServer::port).toList()));
        } catch (RuntimeException e) {
            started.forEach(KmcpServer::close);
            throw e;
        }
    }

    /** The key every replica signs and verifies confirmations with, readable by this user only. */
    private static Path sharedKey() {
        byte[] key = new byte[48];
        RANDOM.nextBytes(key);
        try {
            Path file = Files.createTempFile(
                    "k-mcp-request-state-",
                    ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return replicas.size();
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** The replica of that number, from 1. */
    public KmcpServer replica(int number) {
        if (number < 1 || number > replicas.size()) {
            throw new IllegalArgumentException("no replica " + number + "; they are numbered 1 to " + replicas.size());
        }
        return replicas.get(number - 1);
    }

    /** Kills that replica at once, with whatever it was answering; the balancer is left to notice. */
    public void kill(int number) {
        replica(number).kill();
    }

    /** The tool calls each replica logged that match, by replica number (every replica has an entry). */
    public Map<Integer, List<ToolAuditLine>> toolCalls(Predicate<ToolAuditLine> which) {
        Map<Integer, List<ToolAuditLine>> calls = new TreeMap<>();
        for (int number = 1; number <= replicas.size(); number++) {
            calls.put(
                    number,
                    ToolAuditLine.in(replica(number).log()).stream()
                            .filter(which)
                            .toList());
        }
        return calls;
    }

    /** Where each process listens and logs, for a failed scenario's report. */
    public String describe() {
        StringBuilder description = new StringBuilder();
        for (int number = 1; number <= replicas.size(); number++) {
            description.append("replica %d on port %d, log %s%n"
                    .formatted(number, replica(number).port(), replica(number).logFile()));
        }
        return description.append("HAProxy's log ").append(balancer.logFile()).toString();
    }

    public URI roundRobinMcpUri() {
        return balancer.roundRobinMcpUri();
    }

    public URI stickyMcpUri() {
        return balancer.stickyMcpUri();
    }

    @Override
    public void close() {
        balancer.close();
        replicas.forEach(KmcpServer::close);
    }
}
