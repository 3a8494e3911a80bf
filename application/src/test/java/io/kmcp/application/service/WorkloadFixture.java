package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.ALL_VERBS;

import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw API objects as the API server returns them, for the gathering use cases: a Deployment with its
 * ReplicaSet and pods, events, nodes, claims. Kept to the fields the diagnosis reads.
 */
final class WorkloadFixture {

    static final ResourceType REPLICA_SETS = apps("ReplicaSet", "replicasets", "rs");
    static final ResourceType STATEFUL_SETS = apps("StatefulSet", "statefulsets", "sts");
    static final ResourceType DAEMON_SETS = apps("DaemonSet", "daemonsets", "ds");
    static final ResourceType JOBS = batch("Job", "jobs");
    static final ResourceType CRON_JOBS = batch("CronJob", "cronjobs");
    static final ResourceType SERVICES = core("Service", "services", "svc", true);
    static final ResourceType CONFIG_MAPS = core("ConfigMap", "configmaps", "cm", true);
    static final ResourceType EVENTS = core("Event", "events", "ev", true);
    static final ResourceType NODES = core("Node", "nodes", "no", false);
    static final ResourceType CLAIMS = core("PersistentVolumeClaim", "persistentvolumeclaims", "pvc", true);
    static final ResourceType QUOTAS = core("ResourceQuota", "resourcequotas", "quota", true);
    static final ResourceType ENDPOINT_SLICES = new ResourceType(
            "discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice", List.of(), true, ALL_VERBS);
    static final ResourceType AUTOSCALERS = new ResourceType(
            "autoscaling",
            "v2",
            "HorizontalPodAutoscaler",
            "horizontalpodautoscalers",
            "horizontalpodautoscaler",
            List.of("hpa"),
            true,
            ALL_VERBS);

    /** The test catalog and every type a diagnosis or overview reads. */
    static final ApiCatalog CATALOG = TestTypes.catalogWith(
            REPLICA_SETS,
            STATEFUL_SETS,
            DAEMON_SETS,
            JOBS,
            CRON_JOBS,
            SERVICES,
            CONFIG_MAPS,
            EVENTS,
            NODES,
            CLAIMS,
            QUOTAS,
            ENDPOINT_SLICES,
            AUTOSCALERS);

    private WorkloadFixture() {}

    static Map<String, Object> deployment(String namespace, String name, int desired, int ready) {
        Map<String, Object> object = object("apps/v1", "Deployment", namespace, name, "uid-deploy-" + name);
        object.put(
                "spec",
                Map.of(
                        "replicas",
                        desired,
                        "selector",
                        Map.of("matchLabels", Map.of("app", name)),
                        "template",
                        Map.of("metadata", Map.of("labels", Map.of("app", name)))));
        object.put(
                "status",
                Map.of(
                        "replicas", desired,
                        "readyReplicas", ready,
                        "updatedReplicas", desired,
                        "availableReplicas", ready,
                        "observedGeneration", 1));
        metadata(object).put("generation", 1);
        return object;
    }

    static Map<String, Object> replicaSet(String namespace, String deployment, String hash, int revision) {
        Map<String, Object> object = object(
                "apps/v1", "ReplicaSet", namespace, deployment + "-" + hash, "uid-rs-" + deployment + "-" + hash);
        metadata(object).put("annotations", Map.of("deployment.kubernetes.io/revision", String.valueOf(revision)));
        metadata(object).put("ownerReferences", List.of(owner("Deployment", deployment, "uid-deploy-" + deployment)));
        metadata(object).put("labels", Map.of("app", deployment));
        object.put("spec", Map.of("replicas", 2, "selector", Map.of("matchLabels", Map.of("app", deployment))));
        object.put("status", Map.of("replicas", 2, "readyReplicas", 0));
        return object;
    }

    /** A pod of a Deployment's replica set, crash looping: exit 1 after two seconds, four restarts. */
    static Map<String, Object> crashLoopingPod(String namespace, String deployment, String hash, String suffix) {
        Map<String, Object> pod = pod(namespace, deployment, hash, suffix, "Running");
        pod.put(
                "status",
                Map.of(
                        "phase",
                        "Running",
                        "conditions",
                        List.of(
                                Map.of("type", "PodScheduled", "status", "True"),
                                Map.of("type", "Ready", "status", "False", "reason", "ContainersNotReady")),
                        "containerStatuses",
                        List.of(Map.of(
                                "name",
                                "app",
                                "image",
                                "shop/web:1.2",
                                "ready",
                                false,
                                "restartCount",
                                4,
                                "state",
                                Map.of(
                                        "waiting",
                                        Map.of(
                                                "reason",
                                                "CrashLoopBackOff",
                                                "message",
                                                "back-off 40s restarting failed container=app")),
                                "lastState",
                                Map.of(
                                        "terminated",
                                        Map.of(
                                                "exitCode", 1,
                                                "reason", "Error",
                                                "startedAt", "2026-11-23T10:00:00Z",
                                                "finishedAt", "2026-11-23T10:00:02Z"))))));
        return pod;
    }

    static Map<String, Object> runningPod(String namespace, String deployment, String hash, String suffix) {
        Map<String, Object> pod = pod(namespace, deployment, hash, suffix, "Running");
        pod.put(
                "status",
                Map.of(
                        "phase",
                        "Running",
                        "conditions",
                        List.of(
                                Map.of("type", "PodScheduled", "status", "True"),
                                Map.of("type", "Ready", "status", "True")),
                        "containerStatuses",
                        List.of(Map.of(
                                "name",
                                "app",
                                "image",
                                "shop/web:1.2",
                                "ready",
                                true,
                                "restartCount",
                                0,
                                "state",
                                Map.of("running", Map.of("startedAt", "2026-11-23T10:00:00Z"))))));
        return pod;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> unschedulablePod(String namespace, String deployment, String hash, String suffix) {
        Map<String, Object> pod = pod(namespace, deployment, hash, suffix, "Pending");
        ((Map<String, Object>) pod.get("spec")).remove("nodeName");
        pod.put(
                "status",
                Map.of(
                        "phase",
                        "Pending",
                        "conditions",
                        List.of(Map.of(
                                "type",
                                "PodScheduled",
                                "status",
                                "False",
                                "reason",
                                "Unschedulable",
                                "message",
                                "0/3 nodes are available: 3 Insufficient cpu."))));
        return pod;
    }

    private static Map<String, Object> pod(
            String namespace, String deployment, String hash, String suffix, String phase) {
        String name = deployment + "-" + hash + "-" + suffix;
        Map<String, Object> pod = object("v1", "Pod", namespace, name, "uid-pod-" + name);
        metadata(pod).put("labels", Map.of("app", deployment, "pod-template-hash", hash));
        metadata(pod)
                .put(
                        "ownerReferences",
                        List.of(owner("ReplicaSet", deployment + "-" + hash, "uid-rs-" + deployment + "-" + hash)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("nodeName", "node-1");
        spec.put("containers", List.of(Map.of("name", "app", "image", "shop/web:1.2")));
        spec.put("volumes", List.of(Map.of("name", "credentials", "secret", Map.of("secretName", "db-credentials"))));
        pod.put("spec", spec);
        return pod;
    }

    static Map<String, Object> event(
            String namespace, String kind, String name, String type, String reason, String message, int count) {
        Map<String, Object> event = object("v1", "Event", namespace, name + "." + reason.toLowerCase(), "uid-ev");
        event.put("involvedObject", Map.of("kind", kind, "name", name, "namespace", namespace));
        event.put("type", type);
        event.put("reason", reason);
        event.put("message", message);
        event.put("count", count);
        event.put("lastTimestamp", "2026-11-23T10:05:00Z");
        event.put("firstTimestamp", "2026-11-23T10:00:00Z");
        return event;
    }

    static Map<String, Object> node(String name, boolean ready) {
        Map<String, Object> node = object("v1", "Node", null, name, "uid-node-" + name);
        node.put("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", ready ? "True" : "False"))));
        return node;
    }

    static Map<String, Object> service(String namespace, String name, Map<String, String> selector) {
        Map<String, Object> service = object("v1", "Service", namespace, name, "uid-svc-" + name);
        service.put("spec", Map.of("type", "ClusterIP", "selector", selector, "ports", List.of(Map.of("port", 80))));
        return service;
    }

    static Map<String, Object> object(String apiVersion, String kind, String namespace, String name, String uid) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("uid", uid);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        return object;
    }

    static Map<String, Object> owner(String kind, String name, String uid) {
        return Map.of("kind", kind, "name", name, "uid", uid, "controller", true);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SafeVarargs
    static List<Map<String, Object>> list(Map<String, Object>... objects) {
        return new ArrayList<>(List.of(objects));
    }

    private static ResourceType apps(String kind, String plural, String shortName) {
        return new ResourceType("apps", "v1", kind, plural, kind.toLowerCase(), List.of(shortName), true, ALL_VERBS);
    }

    private static ResourceType batch(String kind, String plural) {
        return new ResourceType("batch", "v1", kind, plural, kind.toLowerCase(), List.of(), true, ALL_VERBS);
    }

    private static ResourceType core(String kind, String plural, String shortName, boolean namespaced) {
        return new ResourceType("", "v1", kind, plural, kind.toLowerCase(), List.of(shortName), namespaced, ALL_VERBS);
    }
}
