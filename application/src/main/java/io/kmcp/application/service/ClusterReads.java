package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.PodLogReader;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reads of one gathering use case (a diagnosis, an overview), issued concurrently on the caller's
 * behalf. A secondary read that fails does not fail the whole answer: it becomes a gap, said in the
 * answer, so that an agent knows which part of the picture is missing and why (typically RBAC).
 * Every read sent to the API server is counted.
 */
final class ClusterReads {

    private final Caller caller;
    private final TypeLookup types;
    private final ResourceReader reader;
    private final Optional<PodLogReader> logs;
    private final Executor executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> gaps = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    ClusterReads(
            Caller caller, TypeLookup types, ResourceReader reader, Optional<PodLogReader> logs, Executor executor) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** A well-known type of the cluster, or empty (with a gap) when the cluster does not serve it. */
    Optional<ResourceType> type(String reference, Verb verb) {
        try {
            return Optional.of(types.resolve(caller, reference, verb));
        } catch (RequestFailedException e) {
            gaps.add(reference + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One page of every object of the type, as {@link #list(String, Optional, Optional, Optional, Optional, int)}. */
    CompletableFuture<Listed> list(String what, Optional<ResourceType> type, Optional<String> namespace, int limit) {
        return list(what, type, namespace, Optional.empty(), Optional.empty(), limit);
    }

    /**
     * One page of a list, up to {@code limit} objects, narrowed to the namespace if the type has
     * namespaces; on failure an empty list and a gap. A value the domain refuses (a selector built from
     * an object that is too long to send) is a failure like any other, found before anything is sent.
     */
    CompletableFuture<Listed> list(
            String what,
            Optional<ResourceType> type,
            Optional<String> namespace,
            Optional<String> labelSelector,
            Optional<String> fieldSelector,
            int limit) {
        if (type.isEmpty()) {
            return CompletableFuture.completedFuture(Listed.NOTHING);
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        ResourceQuery query = Inputs.valid(() -> new ResourceQuery(
                                        type.get(),
                                        Optional.empty(),
                                        labelSelector.map(LabelSelector::new),
                                        fieldSelector.map(FieldSelector::new),
                                        new PageLimit(limit),
                                        Optional.empty())
                                .within(namespace.map(NamespaceName::new)));
                        requests.incrementAndGet();
                        ResourcePage page = reader.list(caller, query);
                        return new Listed(
                                page.items(),
                                page.continueToken().isPresent(),
                                page.remainingItemCount().orElse(0L));
                    } catch (RequestFailedException e) {
                        gaps.add(what + " could not be listed: " + e.getMessage());
                        return Listed.NOTHING;
                    }
                },
                executor);
    }

    /** One object, or empty when it does not exist or cannot be read (then with a gap). */
    CompletableFuture<Optional<Map<String, Object>>> get(
            String what, Optional<ResourceType> type, Optional<String> namespace, String name) {
        if (type.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return getOrThrow(type.get(), namespace, name);
                    } catch (RequestFailedException e) {
                        gaps.add(what + " could not be read: " + e.getMessage());
                        unreadable.add(what);
                        return Optional.empty();
                    }
                },
                executor);
    }

    /**
     * One object, failures thrown: for the object the caller asked about. The namespace places it only
     * if its type has namespaces.
     */
    Optional<Map<String, Object>> getOrThrow(ResourceType type, Optional<String> namespace, String name) {
        ResourceKey key =
                Inputs.valid(() -> ResourceKey.within(namespace.map(NamespaceName::new), type, new ObjectName(name)));
        requests.incrementAndGet();
        return reader.get(caller, key);
    }

    /** A container's log, or the reason it could not be read. */
    CompletableFuture<LogRead> log(LogRequest request) {
        if (logs.isEmpty()) {
            return CompletableFuture.completedFuture(new LogRead(Optional.empty(), Optional.of("no log reader")));
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        requests.incrementAndGet();
                        return new LogRead(Optional.of(logs.get().read(caller, request)), Optional.empty());
                    } catch (RequestFailedException e) {
                        return new LogRead(Optional.empty(), Optional.of(e.getMessage()));
                    }
                },
                executor);
    }

    /** True when the object read as {@code what} failed (denied, unreachable), as opposed to absent. */
    boolean couldNotRead(String what) {
        return unreadable.contains(what);
    }

    void gap(String gap) {
        gaps.add(gap);
    }

    List<String> gaps() {
        synchronized (gaps) {
            return List.copyOf(gaps);
        }
    }

    int requests() {
        return requests.get();
    }

    /** Waits for a read; the reads themselves never fail, so only an interruption or a bug surfaces here. */
    static <T> T await(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** The objects of a list, and whether the API server had more than were read. */
    record Listed(List<Map<String, Object>> items, boolean more, long remaining) {

        static final Listed NOTHING = new Listed(List.of(), false, 0);

        Listed {
            items = List.copyOf(items);
        }

        /** The number of objects there are, as far as the API server said. */
        long total() {
            return items.size() + remaining;
        }
    }

    record LogRead(Optional<String> text, Optional<String> unavailable) {}
}
