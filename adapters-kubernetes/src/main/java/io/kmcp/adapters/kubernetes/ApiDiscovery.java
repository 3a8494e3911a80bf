package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a cluster serves from legacy API discovery: {@code /api}, {@code /apis} and one
 * resource list per group version. A group version that cannot be read (an aggregated API whose
 * backend is down answers 503) is left out and logged, so that one broken extension does not take
 * every other type away.
 */
final class ApiDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);
    private static final String CORE_VERSION = "v1";

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
        Map<String, ResourceType> types = new LinkedHashMap<>();
        Map<String, String> preferredVersions = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();

        APIVersions core = client.getAPIVersions();
        if (core != null && core.getVersions() != null && core.getVersions().contains(CORE_VERSION)) {
            // The core group has only ever had v1, and fabric8 reads no other core version.
            preferredVersions.put("", CORE_VERSION);
            readGroupVersion(client, clusterName, "", CORE_VERSION, types, failed);
        }

        APIGroupList groups = client.getApiGroups();
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
                    .ifPresent(version -> preferredVersions.put(name, version));
            for (GroupVersionForDiscovery version : versions) {
                if (version.getVersion() != null) {
                    readGroupVersion(client, clusterName, name, version.getVersion(), types, failed);
                }
            }
        }
        return new Result(ApiCatalog.of(types.values(), preferredVersions), Map.copyOf(failed));
    }

    private static void readGroupVersion(
            KubernetesClient client,
            String clusterName,
            String group,
            String version,
            Map<String, ResourceType> types,
            Map<String, String> failed) {
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        APIResourceList resources;
        try {
            resources = client.getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                throw e;
            }
            failed.put(
                    groupVersion,
                    e.getCode() > 0 ? "HTTP " + e.getCode() : e.getClass().getSimpleName());
            return;
        }
        if (resources == null || resources.getResources() == null) {
            failed.put(groupVersion, "HTTP 404");
            return;
        }
        for (APIResource resource : resources.getResources()) {
            toResourceType(clusterName, group, version, resource)
                    .ifPresent(type -> types.putIfAbsent(groupVersion + "/" + type.plural(), type));
        }
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
