package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ListRequest;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory cluster behind the outbound ports: a catalog, objects by type, namespace and name, and
 * a record of every call so tests can assert that a refused request reached nothing.
 */
final class FakeCluster implements ResourceCatalog, ResourceReader, ResourceWriter {

    private ApiCatalog catalog;
    private ApiCatalog catalogAfterRefresh;
    private final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger refreshes = new AtomicInteger();
    final List<ListRequest> listRequests = java.util.Collections.synchronizedList(new ArrayList<>());
    private int staleRefreshes;
    private RequestFailedException failure;
    private final Map<String, RequestFailedException> failuresByType = new LinkedHashMap<>();

    FakeCluster(ApiCatalog catalog) {
        this.catalog = catalog;
        this.catalogAfterRefresh = catalog;
    }

    /** What discovery will return once the cache is refreshed (a CRD installed meanwhile). */
    FakeCluster afterRefresh(ApiCatalog refreshed) {
        this.catalogAfterRefresh = refreshed;
        return this;
    }

    /**
     * Discovery keeps answering with the old catalog for the first {@code count} refreshes, as it does
     * while the API server establishes a CRD applied a moment ago.
     */
    FakeCluster staleForRefreshes(int count) {
        this.staleRefreshes = count;
        return this;
    }

    FakeCluster failingWith(Reason reason, String message) {
        this.failure = new RequestFailedException(reason, message);
        return this;
    }

    /** Reads of this one type fail, as when RBAC denies them. */
    FakeCluster failingFor(ResourceType type, Reason reason, String message) {
        failuresByType.put(type.fullyQualifiedName(), new RequestFailedException(reason, message));
        return this;
    }

    FakeCluster with(ResourceType type, String namespace, String name, Map<String, Object> object) {
        objects.put(key(type, Optional.ofNullable(namespace), name), object);
        return this;
    }

    @Override
    public ApiCatalog catalog(Caller caller) {
        calls.add("catalog");
        return catalog;
    }

    @Override
    public ApiCatalog refreshed(Caller caller) {
        calls.add("refresh");
        if (refreshes.incrementAndGet() > staleRefreshes) {
            catalog = catalogAfterRefresh;
        }
        return catalog;
    }

    @Override
    public ResourcePage list(Caller caller, ListRequest request) {
        calls.add("list " + request.type().fullyQualifiedName() + " "
                + request.namespace().orElse("*"));
        listRequests.add(request);
        failIfAsked();
        failIfAsked(request.type());
        String prefix = request.type().fullyQualifiedName() + "/"
                + request.namespace().map(ns -> ns + "/").orElse("");
        List<Map<String, Object>> items = objects.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .toList();
        List<Map<String, Object>> page = items.subList(0, Math.min(items.size(), request.limit()));
        Optional<String> next = items.size() > request.limit() ? Optional.of("next-page") : Optional.empty();
        return new ResourcePage(page, next, next.map(token -> (long) (items.size() - request.limit())));
    }

    @Override
    public Optional<Map<String, Object>> get(
            Caller caller, ResourceType type, Optional<String> namespace, String name) {
        calls.add("get " + type.fullyQualifiedName() + " " + namespace.orElse("-") + " " + name);
        failIfAsked();
        failIfAsked(type);
        return Optional.ofNullable(objects.get(key(type, namespace, name)));
    }

    @Override
    public Map<String, Object> apply(Caller caller, ResourceType type, Map<String, Object> object, ApplyMode mode) {
        String name = (String) ((Map<?, ?>) object.get("metadata")).get("name");
        Optional<String> namespace =
                Optional.ofNullable((String) ((Map<?, ?>) object.get("metadata")).get("namespace"));
        calls.add("apply " + mode + " " + type.fullyQualifiedName() + " " + name);
        failIfAsked();
        if (refusedNames.contains(name)) {
            throw new RequestFailedException(Reason.INVALID_OBJECT, name + " is invalid: spec.replicas must be >= 0");
        }
        if (mode == ApplyMode.APPLY) {
            objects.put(key(type, namespace, name), object);
        }
        return object;
    }

    private final java.util.Set<String> refusedNames = new java.util.HashSet<>();

    /** The API server will refuse to apply (or dry-run) an object of that name. */
    FakeCluster refusing(String name) {
        refusedNames.add(name);
        return this;
    }

    List<String> appliedForReal() {
        return calls.stream().filter(call -> call.startsWith("apply APPLY")).toList();
    }

    boolean touchedObjects() {
        return calls.stream().anyMatch(call -> !call.equals("catalog") && !call.equals("refresh"));
    }

    private void failIfAsked(ResourceType type) {
        RequestFailedException typeFailure = failuresByType.get(type.fullyQualifiedName());
        if (typeFailure != null) {
            throw typeFailure;
        }
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(ResourceType type, Optional<String> namespace, String name) {
        return type.fullyQualifiedName() + "/" + namespace.map(ns -> ns + "/").orElse("") + name;
    }
}
