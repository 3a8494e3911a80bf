package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.type.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a list worth an agent's tokens, per kind, close to what {@code kubectl get} shows;
 * for kinds it does not know, the name, age and the common status fields that some items have.
 */
final class ListColumns {

    record Column(String header, Function<Map<String, Object>, String> value) {}

    private ListColumns() {}

    static List<Column> of(ResourceType type, boolean withNamespace, List<Map<String, Object>> items, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (withNamespace) {
            columns.add(new Column(
                    "NAMESPACE",
                    item -> Fields.string(item, "metadata", "namespace").orElse("")));
        }
        Column name = new Column(
                "NAME", item -> Fields.string(item, "metadata", "name").orElse(""));
        Column age = new Column("AGE", item -> Age.since(Fields.string(item, "metadata", "creationTimestamp"), now));
        String kind = type.group() + "/" + type.kind();
        switch (kind) {
            case "/Pod" ->
                columns.addAll(List.of(
                        name,
                        new Column("READY", Pods::ready),
                        new Column("STATUS", Pods::status),
                        new Column("RESTARTS", item -> Long.toString(Pods.restarts(item))),
                        age));
            case "apps/Deployment" ->
                columns.addAll(List.of(
                        name,
                        new Column("READY", item -> count(item, "status", "readyReplicas") + "/" + desired(item)),
                        new Column("UP-TO-DATE", item -> count(item, "status", "updatedReplicas")),
                        new Column("AVAILABLE", item -> count(item, "status", "availableReplicas")),
                        age));
            case "apps/StatefulSet" ->
                columns.addAll(List.of(
                        name,
                        new Column("READY", item -> count(item, "status", "readyReplicas") + "/" + desired(item)),
                        age));
            case "apps/ReplicaSet" ->
                columns.addAll(List.of(
                        name,
                        new Column("DESIRED", ListColumns::desired),
                        new Column("CURRENT", item -> count(item, "status", "replicas")),
                        new Column("READY", item -> count(item, "status", "readyReplicas")),
                        age));
            case "apps/DaemonSet" ->
                columns.addAll(List.of(
                        name,
                        new Column("DESIRED", item -> count(item, "status", "desiredNumberScheduled")),
                        new Column("CURRENT", item -> count(item, "status", "currentNumberScheduled")),
                        new Column("READY", item -> count(item, "status", "numberReady")),
                        new Column("UP-TO-DATE", item -> count(item, "status", "updatedNumberScheduled")),
                        new Column("AVAILABLE", item -> count(item, "status", "numberAvailable")),
                        age));
            case "batch/Job" ->
                columns.addAll(List.of(
                        name,
                        new Column("STATUS", ListColumns::jobStatus),
                        new Column(
                                "COMPLETIONS",
                                item -> count(item, "status", "succeeded") + "/"
                                        + Fields.number(item, "spec", "completions")
                                                .orElse(1L)),
                        age));
            case "/Service" ->
                columns.addAll(List.of(
                        name,
                        new Column(
                                "TYPE",
                                item -> Fields.string(item, "spec", "type").orElse("ClusterIP")),
                        new Column(
                                "CLUSTER-IP",
                                item -> Fields.string(item, "spec", "clusterIP").orElse("")),
                        new Column("EXTERNAL-IP", ListColumns::externalIps),
                        new Column("PORTS", ListColumns::servicePorts),
                        age));
            case "/Node" ->
                columns.addAll(List.of(
                        name,
                        new Column("STATUS", ListColumns::nodeStatus),
                        new Column("ROLES", ListColumns::nodeRoles),
                        age,
                        new Column(
                                "VERSION",
                                item -> Fields.string(item, "status", "nodeInfo", "kubeletVersion")
                                        .orElse(""))));
            case "/Namespace" ->
                columns.addAll(List.of(
                        name,
                        new Column(
                                "STATUS",
                                item -> Fields.string(item, "status", "phase").orElse("")),
                        age));
            case "/Event" ->
                columns.addAll(List.of(
                        new Column("LAST SEEN", item -> Age.since(lastSeen(item), now)),
                        new Column("TYPE", item -> Fields.string(item, "type").orElse("")),
                        new Column(
                                "REASON", item -> Fields.string(item, "reason").orElse("")),
                        new Column("OBJECT", ListColumns::involvedObject),
                        new Column(
                                "MESSAGE",
                                item -> Fields.string(item, "message").orElse(""))));
            default -> {
                columns.add(name);
                if (items.stream()
                        .anyMatch(item -> Fields.string(item, "status", "phase").isPresent())) {
                    columns.add(new Column(
                            "STATUS",
                            item -> Fields.string(item, "status", "phase").orElse("")));
                }
                if (items.stream()
                        .anyMatch(item -> Fields.condition(item, "Ready").isPresent())) {
                    columns.add(new Column(
                            "READY", item -> Fields.condition(item, "Ready").orElse("")));
                }
                columns.add(age);
            }
        }
        return columns;
    }

    private static String count(Map<String, Object> item, String... path) {
        return Long.toString(Fields.number(item, path).orElse(0L));
    }

    /** The API server defaults {@code spec.replicas} to 1. */
    private static String desired(Map<String, Object> item) {
        return Long.toString(Fields.number(item, "spec", "replicas").orElse(1L));
    }

    static String jobStatus(Map<String, Object> item) {
        if (Fields.condition(item, "Complete").filter("True"::equals).isPresent()) {
            return "Complete";
        }
        if (Fields.condition(item, "Failed").filter("True"::equals).isPresent()) {
            return "Failed";
        }
        if (Fields.condition(item, "Suspended").filter("True"::equals).isPresent()) {
            return "Suspended";
        }
        return "Running";
    }

    private static String externalIps(Map<String, Object> item) {
        List<String> addresses = new ArrayList<>();
        Fields.list(item, "status", "loadBalancer", "ingress")
                .forEach(ingress -> Fields.string(ingress, "ip")
                        .or(() -> Fields.string(ingress, "hostname"))
                        .ifPresent(addresses::add));
        Fields.list(item, "spec", "externalIPs").stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .forEach(addresses::add);
        if (addresses.isEmpty()) {
            return Fields.string(item, "spec", "type")
                            .filter("LoadBalancer"::equals)
                            .isPresent()
                    ? "<pending>"
                    : "";
        }
        return String.join(",", addresses);
    }

    private static String servicePorts(Map<String, Object> item) {
        return Fields.list(item, "spec", "ports").stream()
                .map(port -> Fields.number(port, "port").map(String::valueOf).orElse("?")
                        + Fields.number(port, "nodePort")
                                .map(nodePort -> ":" + nodePort)
                                .orElse("")
                        + "/" + Fields.string(port, "protocol").orElse("TCP"))
                .collect(Collectors.joining(","));
    }

    static String nodeStatus(Map<String, Object> item) {
        String ready = Fields.condition(item, "Ready").filter("True"::equals).isPresent() ? "Ready" : "NotReady";
        boolean cordoned = Fields.at(item, "spec", "unschedulable")
                .filter(Boolean.TRUE::equals)
                .isPresent();
        return cordoned ? ready + ",SchedulingDisabled" : ready;
    }

    private static String nodeRoles(Map<String, Object> item) {
        String prefix = "node-role.kubernetes.io/";
        return Fields.map(item, "metadata", "labels").keySet().stream()
                .filter(label -> label.startsWith(prefix) && label.length() > prefix.length())
                .map(label -> label.substring(prefix.length()))
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static Optional<String> lastSeen(Map<String, Object> item) {
        return Fields.string(item, "lastTimestamp")
                .or(() -> Fields.string(item, "eventTime"))
                .or(() -> Fields.string(item, "metadata", "creationTimestamp"));
    }

    private static String involvedObject(Map<String, Object> item) {
        String kind = Fields.string(item, "involvedObject", "kind").orElse("");
        String objectName = Fields.string(item, "involvedObject", "name").orElse("");
        return kind.isEmpty() ? objectName : kind.toLowerCase(java.util.Locale.ROOT) + "/" + objectName;
    }

    /** kubectl's reading of a pod's state, simplified: the most telling reason of its containers. */
    static final class Pods {

        private Pods() {}

        static String ready(Map<String, Object> pod) {
            long ready = Fields.list(pod, "status", "containerStatuses").stream()
                    .filter(status -> Fields.at(status, "ready")
                            .filter(Boolean.TRUE::equals)
                            .isPresent())
                    .count();
            int total = Math.max(
                    Fields.list(pod, "spec", "containers").size(),
                    Fields.list(pod, "status", "containerStatuses").size());
            return ready + "/" + total;
        }

        static long restarts(Map<String, Object> pod) {
            return Fields.list(pod, "status", "containerStatuses").stream()
                    .mapToLong(status -> Fields.number(status, "restartCount").orElse(0L))
                    .sum();
        }

        static String status(Map<String, Object> pod) {
            String reason = Fields.string(pod, "status", "reason")
                    .or(() -> Fields.string(pod, "status", "phase"))
                    .orElse("Unknown");
            Optional<String> initializing = initializing(pod);
            if (initializing.isPresent()) {
                reason = initializing.get();
            } else {
                boolean running = false;
                List<Object> statuses = new ArrayList<>(Fields.list(pod, "status", "containerStatuses"));
                java.util.Collections.reverse(statuses);
                for (Object status : statuses) {
                    Optional<String> waiting = Fields.string(status, "state", "waiting", "reason");
                    Optional<Object> terminated = Fields.at(status, "state", "terminated");
                    if (waiting.isPresent() && !waiting.get().isEmpty()) {
                        reason = waiting.get();
                    } else if (terminated.isPresent()) {
                        reason = terminationReason(terminated.get());
                    } else if (Fields.at(status, "state", "running").isPresent()
                            && Fields.at(status, "ready")
                                    .filter(Boolean.TRUE::equals)
                                    .isPresent()) {
                        running = true;
                    }
                }
                if (reason.equals("Completed") && running) {
                    reason = Fields.condition(pod, "Ready")
                                    .filter("True"::equals)
                                    .isPresent()
                            ? "Running"
                            : "NotReady";
                }
            }
            if (Fields.string(pod, "metadata", "deletionTimestamp").isPresent()) {
                reason =
                        "NodeLost".equals(Fields.string(pod, "status", "reason").orElse(""))
                                ? "Unknown"
                                : "Terminating";
            }
            return reason;
        }

        private static Optional<String> initializing(Map<String, Object> pod) {
            List<Object> statuses = Fields.list(pod, "status", "initContainerStatuses");
            int declared = Math.max(Fields.list(pod, "spec", "initContainers").size(), statuses.size());
            for (int i = 0; i < statuses.size(); i++) {
                Object status = statuses.get(i);
                Optional<Object> terminated = Fields.at(status, "state", "terminated");
                if (terminated.isPresent()
                        && Fields.number(terminated.get(), "exitCode").orElse(0L) == 0) {
                    continue;
                }
                if (terminated.isPresent()) {
                    return Optional.of("Init:" + terminationReason(terminated.get()));
                }
                Optional<String> waiting = Fields.string(status, "state", "waiting", "reason")
                        .filter(waitingReason -> !waitingReason.isEmpty() && !waitingReason.equals("PodInitializing"));
                if (waiting.isPresent()) {
                    return Optional.of("Init:" + waiting.get());
                }
                if (Fields.at(status, "ready").filter(Boolean.TRUE::equals).isPresent()) {
                    continue;
                }
                return Optional.of("Init:" + i + "/" + declared);
            }
            return Optional.empty();
        }

        private static String terminationReason(Object terminated) {
            return Fields.string(terminated, "reason")
                    .filter(reason -> !reason.isEmpty())
                    .orElseGet(() -> Fields.number(terminated, "signal")
                            .filter(signal -> signal != 0)
                            .map(signal -> "Signal:" + signal)
                            .orElseGet(() -> "ExitCode:"
                                    + Fields.number(terminated, "exitCode").orElse(0L)));
        }
    }
}
