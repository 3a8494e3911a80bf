package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory cluster behind the outbound ports: a catalog, objects by type, namespace and name, and
 * a record of every call so tests can assert that a refused request reached nothing.
 */
final class FakeCluster implements ResourceCatalog, ResourceReader, ResourceWriter {

    /** Its continue tokens say where the next page starts; a real API server's are opaque. */
    static final String CONTINUE_PREFIX = "continue-at-";

    private ApiCatalog catalog;
    private ApiCatalog catalogAfterRefresh;
    /** Sorted as the API server lists them: by namespace, then name. */
    private final Map<String, Map<String, Object>> objects = new TreeMap<>();

    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger refreshes = new AtomicInteger();
    final List<ResourceQuery> listRequests = java.util.Collections.synchronizedList(new ArrayList<>());
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
        // Frozen as the ports promise: a use case that changed what it read would fail here as on a real cluster.
        objects.put(key(type, Optional.ofNullable(namespace), name), KubernetesObjects.immutableCopy(object));
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
    public ResourcePage list(Caller caller, ResourceQuery query) {
        calls.add("list " + query.type().fullyQualifiedName() + " "
                + query.namespace().map(NamespaceName::value).orElse("*"));
        listRequests.add(query);
        failIfAsked();
        failIfAsked(query.type());
        String prefix = query.type().fullyQualifiedName() + "/"
                + query.namespace().map(ns -> ns + "/").orElse("");
        List<Map<String, Object>> items = objects.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .filter(object -> FakeSelectors.matches(object, query.labelSelector(), query.fieldSelector()))
                .toList();
        int from = query.continueToken().map(FakeCluster::offsetOf).orElse(0);
        int to = Math.min(items.size(), from + query.limit().value());
        boolean more = to < items.size();
        // Like the API server: a count of what is left only when it is cheap to know, that is without selectors.
        boolean countable =
                query.labelSelector().isEmpty() && query.fieldSelector().isEmpty();
        return new ResourcePage(
                items.subList(Math.min(from, to), to),
                more ? Optional.of(CONTINUE_PREFIX + to) : Optional.empty(),
                more && countable ? Optional.of((long) (items.size() - to)) : Optional.empty());
    }

    @Override
    public Optional<Map<String, Object>> get(Caller caller, ResourceKey key) {
        calls.add("get " + key.type().fullyQualifiedName() + " "
                + key.namespace().map(NamespaceName::value).orElse("-") + " " + key.name());
        failIfAsked();
        failIfAsked(key.type());
        return Optional.ofNullable(objects.get(key(key)));
    }

    @Override
    public Map<String, Object> apply(Caller caller, ResourceKey key, Map<String, Object> object, ApplyMode mode) {
        String name = key.name().value();
        calls.add("apply " + mode + " " + key.type().fullyQualifiedName() + " " + name);
        failIfAsked();
        if (refusedNames.contains(name)) {
            throw new RequestFailedException(Reason.INVALID_OBJECT, name + " is invalid: spec.replicas must be >= 0");
        }
        Map<String, Object> stored = KubernetesObjects.immutableCopy(object);
        if (mode == ApplyMode.APPLY) {
            objects.put(key(key), stored);
        }
        return stored;
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

    private static String key(ResourceKey key) {
        return key(
                key.type(),
                key.namespace().map(NamespaceName::value),
                key.name().value());
    }

    private static int offsetOf(ContinueToken token) {
        if (!token.value().startsWith(CONTINUE_PREFIX)) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT, "The continue token is not one this cluster issued.");
        }
        return Integer.parseInt(token.value().substring(CONTINUE_PREFIX.length()));
    }
}
