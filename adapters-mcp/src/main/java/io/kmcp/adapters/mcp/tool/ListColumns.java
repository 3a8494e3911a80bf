package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.type.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a list worth an agent's tokens, per kind, close to what {@code kubectl get} shows;
 * for kinds it does not know, the name, age and the common status fields that some items have.
 */
final class ListColumns {

    record Column(String header, Function<JsonTree, String> value) {

        String read(Map<String, Object> item) {
            return value.apply(JsonTree.of(item));
        }
    }

    private ListColumns() {}

    static List<Column> of(ResourceType type, boolean withNamespace, List<Map<String, Object>> items, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (withNamespace) {
            columns.add(text("NAMESPACE", "metadata.namespace"));
        }
        Column name = text("NAME", "metadata.name");
        Column age = new Column(
                "AGE", item -> Age.since(item.at("metadata.creationTimestamp").instant(), now));
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
                        new Column("READY", item -> count(item, "status.readyReplicas") + "/" + desired(item)),
                        count("UP-TO-DATE", "status.updatedReplicas"),
                        count("AVAILABLE", "status.availableReplicas"),
                        age));
            case "apps/StatefulSet" ->
                columns.addAll(List.of(
                        name,
                        new Column("READY", item -> count(item, "status.readyReplicas") + "/" + desired(item)),
                        age));
            case "apps/ReplicaSet" ->
                columns.addAll(List.of(
                        name,
                        new Column("DESIRED", ListColumns::desired),
                        count("CURRENT", "status.replicas"),
                        count("READY", "status.readyReplicas"),
                        age));
            case "apps/DaemonSet" ->
                columns.addAll(List.of(
                        name,
                        count("DESIRED", "status.desiredNumberScheduled"),
                        count("CURRENT", "status.currentNumberScheduled"),
                        count("READY", "status.numberReady"),
                        count("UP-TO-DATE", "status.updatedNumberScheduled"),
                        count("AVAILABLE", "status.numberAvailable"),
                        age));
            case "batch/Job" ->
                columns.addAll(List.of(
                        name,
                        new Column("STATUS", ListColumns::jobStatus),
                        new Column(
                                "COMPLETIONS",
                                item -> count(item, "status.succeeded") + "/"
                                        + item.at("spec.completions").number().orElse(1L)),
                        age));
            case "/Service" ->
                columns.addAll(List.of(
                        name,
                        new Column("TYPE", item -> item.at("spec.type").string("ClusterIP")),
                        text("CLUSTER-IP", "spec.clusterIP"),
                        new Column("EXTERNAL-IP", ListColumns::externalIps),
                        new Column("PORTS", ListColumns::servicePorts),
                        age));
            case "/Node" ->
                columns.addAll(List.of(
                        name,
                        new Column("STATUS", ListColumns::nodeStatus),
                        new Column("ROLES", ListColumns::nodeRoles),
                        age,
                        text("VERSION", "status.nodeInfo.kubeletVersion")));
            case "/Namespace" -> columns.addAll(List.of(name, text("STATUS", "status.phase"), age));
            case "/Event" ->
                columns.addAll(List.of(
                        new Column("LAST SEEN", item -> Age.since(lastSeen(item), now)),
                        text("TYPE", "type"),
                        text("REASON", "reason"),
                        new Column("OBJECT", ListColumns::involvedObject),
                        text("MESSAGE", "message")));
            default -> {
                columns.add(name);
                if (items.stream()
                        .anyMatch(item ->
                                JsonTree.of(item).at("status.phase").string().isPresent())) {
                    columns.add(text("STATUS", "status.phase"));
                }
                if (items.stream()
                        .anyMatch(item -> condition(JsonTree.of(item), "Ready").isPresent())) {
                    columns.add(
                            new Column("READY", item -> condition(item, "Ready").orElse("")));
                }
                columns.add(age);
            }
        }
        return columns;
    }

    /** The status of the condition of that type ({@code True}, {@code False}, {@code Unknown}). */
    static Optional<String> condition(JsonTree object, String type) {
        return object.at("status.conditions").list().stream()
                .filter(condition ->
                        condition.at("type").string().filter(type::equals).isPresent())
                .findFirst()
                .flatMap(condition -> condition.at("status").string());
    }

    private static boolean conditionTrue(JsonTree object, String type) {
        return condition(object, type).filter("True"::equals).isPresent();
    }

    private static Column text(String header, String path) {
        return new Column(header, item -> item.at(path).string(""));
    }

    private static Column count(String header, String path) {
        return new Column(header, item -> count(item, path));
    }

    private static String count(JsonTree item, String path) {
        return Long.toString(item.at(path).number().orElse(0L));
    }

    /** The API server defaults {@code spec.replicas} to 1. */
    private static String desired(JsonTree item) {
        return Long.toString(item.at("spec.replicas").number().orElse(1L));
    }

    static String jobStatus(Map<String, Object> item) {
        return jobStatus(JsonTree.of(item));
    }

    private static String jobStatus(JsonTree item) {
        for (String status : List.of("Complete", "Failed", "Suspended")) {
            if (conditionTrue(item, status)) {
                return status;
            }
        }
        return "Running";
    }

    private static String externalIps(JsonTree item) {
        List<String> addresses = new ArrayList<>();
        for (JsonTree ingress : item.at("status.loadBalancer.ingress").list()) {
            ingress.at("ip").string().or(() -> ingress.at("hostname").string()).ifPresent(addresses::add);
        }
        for (JsonTree address : item.at("spec.externalIPs").list()) {
            address.string().ifPresent(addresses::add);
        }
        if (addresses.isEmpty()) {
            return item.at("spec.type").string("").equals("LoadBalancer") ? "<pending>" : "";
        }
        return String.join(",", addresses);
    }

    private static String servicePorts(JsonTree item) {
        return item.at("spec.ports").list().stream()
                .map(port -> port.at("port").number().map(String::valueOf).orElse("?")
                        + port.at("nodePort")
                                .number()
                                .map(nodePort -> ":" + nodePort)
                                .orElse("")
                        + "/" + port.at("protocol").string("TCP"))
                .collect(Collectors.joining(","));
    }

    static String nodeStatus(Map<String, Object> item) {
        return nodeStatus(JsonTree.of(item));
    }

    private static String nodeStatus(JsonTree item) {
        String ready = conditionTrue(item, "Ready") ? "Ready" : "NotReady";
        return item.at("spec.unschedulable").bool() ? ready + ",SchedulingDisabled" : ready;
    }

    private static String nodeRoles(JsonTree item) {
        String prefix = "node-role.kubernetes.io/";
        return item.at("metadata.labels").keys().stream()
                .filter(label -> label.startsWith(prefix) && label.length() > prefix.length())
                .map(label -> label.substring(prefix.length()))
                .collect(Collectors.joining(","));
    }

    private static Optional<Instant> lastSeen(JsonTree item) {
        return item.at("lastTimestamp")
                .instant()
                .or(() -> item.at("eventTime").instant())
                .or(() -> item.at("metadata.creationTimestamp").instant());
    }

    private static String involvedObject(JsonTree item) {
        String kind = item.at("involvedObject.kind").string("");
        String objectName = item.at("involvedObject.name").string("");
        return kind.isEmpty() ? objectName : kind.toLowerCase(Locale.ROOT) + "/" + objectName;
    }

    /** kubectl's reading of a pod's state, simplified: the most telling reason of its containers. */
    static final class Pods {

        private Pods() {}

        static String ready(JsonTree pod) {
            List<JsonTree> statuses = pod.at("status.containerStatuses").list();
            long ready = statuses.stream()
                    .filter(status -> status.at("ready").bool())
                    .count();
            int total = Math.max(pod.at("spec.containers").list().size(), statuses.size());
            return ready + "/" + total;
        }

        static long restarts(Map<String, Object> pod) {
            return restarts(JsonTree.of(pod));
        }

        static long restarts(JsonTree pod) {
            return pod.at("status.containerStatuses").list().stream()
                    .mapToLong(status -> status.at("restartCount").number().orElse(0L))
                    .sum();
        }

        static String status(Map<String, Object> pod) {
            return status(JsonTree.of(pod));
        }

        static String status(JsonTree pod) {
            String reason = pod.at("status.reason")
                    .string()
                    .or(() -> pod.at("status.phase").string())
                    .orElse("Unknown");
            Optional<String> initializing = initializing(pod);
            if (initializing.isPresent()) {
                reason = initializing.get();
            } else {
                boolean running = false;
                List<JsonTree> statuses =
                        new ArrayList<>(pod.at("status.containerStatuses").list());
                Collections.reverse(statuses);
                for (JsonTree status : statuses) {
                    Optional<String> waiting = status.at("state.waiting.reason").string();
                    JsonTree terminated = status.at("state.terminated");
                    if (waiting.isPresent()) {
                        reason = waiting.get();
                    } else if (terminated.present()) {
                        reason = terminationReason(terminated);
                    } else if (status.at("state.running").present()
                            && status.at("ready").bool()) {
                        running = true;
                    }
                }
                if (reason.equals("Completed") && running) {
                    reason = conditionTrue(pod, "Ready") ? "Running" : "NotReady";
                }
            }
            if (pod.at("metadata.deletionTimestamp").present()) {
                reason = pod.at("status.reason").string("").equals("NodeLost") ? "Unknown" : "Terminating";
            }
            return reason;
        }

        private static Optional<String> initializing(JsonTree pod) {
            List<JsonTree> statuses = pod.at("status.initContainerStatuses").list();
            int declared = Math.max(pod.at("spec.initContainers").list().size(), statuses.size());
            for (int i = 0; i < statuses.size(); i++) {
                JsonTree status = statuses.get(i);
                JsonTree terminated = status.at("state.terminated");
                if (terminated.present() && terminated.at("exitCode").number().orElse(0L) == 0) {
                    continue;
                }
                if (terminated.present()) {
                    return Optional.of("Init:" + terminationReason(terminated));
                }
                Optional<String> waiting = status.at("state.waiting.reason")
                        .string()
                        .filter(waitingReason -> !waitingReason.equals("PodInitializing"));
                if (waiting.isPresent()) {
                    return Optional.of("Init:" + waiting.get());
                }
                if (status.at("ready").bool()) {
                    continue;
                }
                return Optional.of("Init:" + i + "/" + declared);
            }
            return Optional.empty();
        }

        private static String terminationReason(JsonTree terminated) {
            return terminated
                    .at("reason")
                    .string()
                    .orElseGet(() -> terminated
                            .at("signal")
                            .number()
                            .filter(signal -> signal != 0)
                            .map(signal -> "Signal:" + signal)
                            .orElseGet(() -> "ExitCode:"
                                    + terminated.at("exitCode").number().orElse(0L)));
        }
    }
}
