package io.kmcp.adapters.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a cluster serves. Aggregated discovery first: {@code /api} and {@code /apis} asked for
 * an {@code APIGroupDiscoveryList} (KEP-3352, v2 since Kubernetes 1.30, v2beta1 since 1.27), which
 * describes every group, version and type in two requests. An API server that does not serve it
 * answers the legacy documents to the same requests (the {@code Accept} header ends with plain
 * JSON), or 406; then legacy discovery reads one resource list per group version.
 *
 * <p>A group version that cannot be read (an aggregated API whose backend is down answers 503 in
 * legacy discovery, and is marked stale in aggregated discovery) is left out and reported, so that
 * one broken extension does not take every other type away.
 */
final class ApiDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);
    private static final String CORE_VERSION = "v1";

    /** The newest version first; plain JSON last, so that an older API server answers its legacy document. */
    static final String AGGREGATED_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
            + "application/json";

    private static final String AGGREGATED_KIND = "APIGroupDiscoveryList";
    private static final String STALE = "Stale";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDiscovery() {}

    /**
     * @param failedGroupVersions the group versions left out because their discovery failed, with why
     */
    record Result(ApiCatalog catalog, Map<String, String> failedGroupVersions) {
        boolean complete() {
            return failedGroupVersions.isEmpty();
        }
    }

    /**
     * @throws KubernetesClientException if the root discovery documents cannot be read, or the API server
     *     rejects the token
     */
    static Result discover(KubernetesClient client, String clusterName) {
        Found found = new Found(clusterName);

        readRoot(client, found, "/api", APIVersions.class, client::getAPIVersions, ApiDiscovery::legacyCore);
        readRoot(client, found, "/apis", APIGroupList.class, client::getApiGroups, ApiDiscovery::legacyGroups);
        return found.result();
    }

    /** Reads on from a legacy root document: the resource lists it names. */
    private interface LegacyReader<T> {
        void read(KubernetesClient client, Found found, T document);
    }

    /**
     * One root document: all of it when aggregated; else its legacy answer, or on a 406 the legacy
     * document asked for again, read on by {@code legacy}.
     */
    private static <T> void readRoot(
            KubernetesClient client,
            Found found,
            String path,
            Class<T> legacyType,
            Supplier<T> legacyRequest,
            LegacyReader<T> legacy) {
        Root root = root(client, path);
        if (root instanceof Root.Aggregated aggregated) {
            found.addAggregated(aggregated.list());
            return;
        }
        T document =
                root instanceof Root.Legacy answer ? unmarshal(client, answer.body(), legacyType) : legacyRequest.get();
        legacy.read(client, found, document);
    }

    /** What a root discovery document answered to a request for the aggregated form. */
    private sealed interface Root {
        record Aggregated(JsonNode list) implements Root {}

        record Legacy(String body) implements Root {}

        record NotAcceptable() implements Root {}
    }

    private static Root root(KubernetesClient client, String path) {
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(withoutTrailingSlash(client.getMasterUrl().toString()) + path)
                .header("Accept", AGGREGATED_ACCEPT)
                .timeout(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS)
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.sendAsync(request, byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("Interrupted while reading " + path, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof KubernetesClientException clientException) {
                throw clientException;
            }
            throw new KubernetesClientException("Reading " + path + " failed: " + cause, cause);
        }
        String body = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        if (response.code() == 406) {
            return new Root.NotAcceptable();
        }
        if (!response.isSuccessful()) {
            throw failure(client, path, response.code(), body);
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new KubernetesClientException(
                    "The API server answered " + path + " with a document that is not JSON", e);
        }
        return document != null && AGGREGATED_KIND.equals(document.path("kind").asText())
                ? new Root.Aggregated(document)
                : new Root.Legacy(body);
    }

    private static KubernetesClientException failure(KubernetesClient client, String path, int code, String body) {
        Status status;
        try {
            status = unmarshal(client, body, Status.class);
        } catch (RuntimeException notAStatus) {
            status = null;
        }
        if (status == null || status.getCode() == null) {
            status = new StatusBuilder()
                    .withCode(code)
                    .withMessage("HTTP " + code)
                    .build();
        }
        return new KubernetesClientException(
                "Failure executing: GET at: " + path + ". Message: " + status.getMessage() + ".", code, status);
    }

    private static <T> T unmarshal(KubernetesClient client, String body, Class<T> type) {
        return client.getKubernetesSerialization().unmarshal(body, type);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void legacyCore(KubernetesClient client, Found found, APIVersions core) {
        if (core != null && core.getVersions() != null && core.getVersions().contains(CORE_VERSION)) {
            // The core group has only ever had v1, and fabric8 reads no other core version.
            found.preferredVersions.put("", CORE_VERSION);
            readGroupVersion(client, found, "", CORE_VERSION);
        }
    }

    private static void legacyGroups(KubernetesClient client, Found found, APIGroupList groups) {
        List<APIGroup> named = groups == null || groups.getGroups() == null ? List.of() : groups.getGroups();
        for (APIGroup group : named) {
            String name = group.getName();
            List<GroupVersionForDiscovery> versions = group.getVersions() == null ? List.of() : group.getVersions();
            if (name == null || name.isEmpty() || versions.isEmpty()) {
                continue;
            }
            Optional.ofNullable(group.getPreferredVersion())
                    .map(GroupVersionForDiscovery::getVersion)
                    .or(() -> Optional.ofNullable(versions.get(0).getVersion()))
                    .ifPresent(version -> found.preferredVersions.put(name, version));
            for (GroupVersionForDiscovery version : versions) {
                if (version.getVersion() != null) {
                    readGroupVersion(client, found, name, version.getVersion());
                }
            }
        }
    }

    private static void readGroupVersion(KubernetesClient client, Found found, String group, String version) {
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        APIResourceList resources;
        try {
            resources = client.getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                throw e;
            }
            found.failed.put(
                    groupVersion,
                    e.getCode() > 0 ? "HTTP " + e.getCode() : e.getClass().getSimpleName());
            return;
        }
        if (resources == null || resources.getResources() == null) {
            found.failed.put(groupVersion, "HTTP 404");
            return;
        }
        found.addAll(group, version, resources.getResources());
    }

    /** The types, preferred versions and failures found so far in one discovery. */
    private static final class Found {
        final String clusterName;
        final Map<String, ResourceType> types = new LinkedHashMap<>();
        final Map<String, String> preferredVersions = new LinkedHashMap<>();
        final Map<String, String> failed = new LinkedHashMap<>();

        Found(String clusterName) {
            this.clusterName = clusterName;
        }

        void addAll(String group, String version, List<APIResource> resources) {
            String groupVersion = group.isEmpty() ? version : group + "/" + version;
            for (APIResource resource : resources) {
                toResourceType(clusterName, group, version, resource)
                        .ifPresent(type -> types.putIfAbsent(groupVersion + "/" + type.plural(), type));
            }
        }

        /**
         * Each group of an {@code APIGroupDiscoveryList}: its versions in order of preference, each with its
         * resources (the core group has no name). A stale version is one the API server could not refresh
         * from an aggregated API: left out, as a failed one is in legacy discovery.
         */
        void addAggregated(JsonNode list) {
            for (JsonNode group : list.path("items")) {
                String name = group.path("metadata").path("name").asText("");
                JsonNode versions = group.path("versions");
                String preferred = versions.path(0).path("version").asText("");
                if (preferred.isEmpty() || (name.isEmpty() && !preferred.equals(CORE_VERSION))) {
                    continue;
                }
                preferredVersions.putIfAbsent(name, preferred);
                for (JsonNode version : versions) {
                    String versionName = version.path("version").asText("");
                    if (versionName.isEmpty() || (name.isEmpty() && !versionName.equals(CORE_VERSION))) {
                        continue;
                    }
                    if (STALE.equals(version.path("freshness").asText())) {
                        failed.put(name.isEmpty() ? versionName : name + "/" + versionName, "stale");
                        continue;
                    }
                    List<APIResource> resources = new ArrayList<>();
                    version.path("resources").forEach(resource -> resources.add(asApiResource(resource)));
                    addAll(name, versionName, resources);
                }
            }
        }

        Result result() {
            return new Result(ApiCatalog.of(types.values(), preferredVersions), Map.copyOf(failed));
        }
    }

    /** An aggregated discovery entry in the shape of legacy discovery, so that both map to types alike. */
    private static APIResource asApiResource(JsonNode resource) {
        return new APIResourceBuilder()
                .withName(resource.path("resource").asText(null))
                .withKind(resource.path("responseKind").path("kind").asText(null))
                .withSingularName(resource.path("singularResource").asText(null))
                .withNamespaced("Namespaced".equals(resource.path("scope").asText()))
                .withShortNames(texts(resource.path("shortNames")))
                .withVerbs(texts(resource.path("verbs")))
                .build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> {
            if (element.isTextual()) {
                texts.add(element.asText());
            }
        });
        return texts;
    }

    static Optional<ResourceType> toResourceType(
            String clusterName, String group, String version, APIResource resource) {
        String name = resource.getName();
        if (name == null || name.contains("/")) {
            // pods/log, deployments/scale …: subresources are reached through their parent, not listed as types.
            return Optional.empty();
        }
        Set<Verb> verbs = EnumSet.noneOf(Verb.class);
        if (resource.getVerbs() != null) {
            resource.getVerbs().forEach(verb -> Verb.fromDiscovery(verb).ifPresent(verbs::add));
        }
        try {
            return Optional.of(new ResourceType(
                    group,
                    version,
                    nullToEmpty(resource.getKind()),
                    name,
                    nullToEmpty(resource.getSingularName()),
                    resource.getShortNames() == null ? List.of() : resource.getShortNames(),
                    Boolean.TRUE.equals(resource.getNamespaced()),
                    verbs));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Discovery of cluster {} lists {} in {} with a malformed description; it is left out: {}",
                    clusterName,
                    name,
                    group.isEmpty() ? version : group + "/" + version,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
