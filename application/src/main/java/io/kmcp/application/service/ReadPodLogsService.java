package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.application.port.in.PodLogsQuery;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.PodLogReader;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.LogFilter;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.SinceSeconds;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one container's log, bounded. Without {@code grep} the API server does the bounding (tail and
 * byte limit travel with the request); with it, a larger but still bounded tail is fetched and
 * filtered here, so that a match a few thousand lines back is still found without streaming the
 * whole log.
 */
public final class ReadPodLogsService implements ReadPodLogs {

    /** What a grep scans at most: the last lines of the log, and never more bytes than this. */
    static final int GREP_SCAN_LINES = 20_000;

    static final int GREP_SCAN_BYTES = 8 * 1024 * 1024;

    /** The annotation kubectl reads to pick a pod's container when none is named. */
    static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

    private final TypeLookup types;
    private final ResourceReader reader;
    private final PodLogReader logs;

    public ReadPodLogsService(TypeLookup types, ResourceReader reader, PodLogReader logs) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    @Override
    public PodLogs read(Caller caller, PodLogsQuery query) {
        ObjectName name = Inputs.valid(() -> new ObjectName(query.name()));
        NamespaceName namespace = Inputs.requiredNamespace(
                query.namespace(), "Pod \"" + name + "\" needs its namespace", Problem.Remedy.GIVE_THE_NAMESPACE);
        LogFilter filter = Inputs.valid(() -> LogFilter.of(query.grep(), query.tailLines(), query.limitBytes()));
        Optional<SinceSeconds> since = Inputs.valid(() -> query.sinceSeconds().map(SinceSeconds::new));
        ResourceType podType = types.resolve(caller, "pods.v1", Verb.GET);
        Map<String, Object> object = reader.get(caller, ResourceKey.namespaced(podType, namespace, name))
                .orElseThrow(() -> new RequestFailedException(
                        Reason.NOT_FOUND,
                        "No pod named \"" + name + "\" in namespace " + namespace,
                        Problem.Remedy.FIND_THE_PODS_OF_A_WORKLOAD));
        PodSnapshot pod = Snapshots.pod(object);
        List<String> containers =
                pod.containers().stream().map(ContainerSnapshot::name).toList();
        String container = container(query.container(), pod, object, containers);
        boolean grepping = query.grep().isPresent();
        LogRequest request = new LogRequest(
                namespace,
                name,
                container,
                query.previous(),
                Optional.of(grepping ? GREP_SCAN_LINES : filter.tailLines()),
                since,
                // The API server cuts at a byte count, possibly mid-line; asking one line's worth more and
                // trimming here keeps whole lines.
                Optional.of(grepping ? GREP_SCAN_BYTES : filter.limitBytes() + 4096));
        String raw = logs.read(caller, request);
        return new PodLogs(pod.ref(), container, query.previous(), filter.apply(raw), containers, query.grep());
    }

    private static String container(
            Optional<String> asked, PodSnapshot pod, Map<String, Object> object, List<String> containers) {
        if (asked.isPresent()) {
            String container = asked.get();
            if (!containers.contains(container)) {
                throw new RequestFailedException(
                        Reason.INVALID_ARGUMENT,
                        "Pod " + pod.ref().name() + " has no container " + io.kmcp.domain.Texts.quote(container)
                                + "; its containers are " + String.join(", ", containers) + ".");
            }
            return container;
        }
        Optional<String> annotated = annotation(object).filter(containers::contains);
        if (annotated.isPresent()) {
            return annotated.get();
        }
        List<String> regular = pod.containers().stream()
                .filter(candidate -> !candidate.init())
                .map(ContainerSnapshot::name)
                .toList();
        if (regular.size() == 1) {
            return regular.get(0);
        }
        throw new RequestFailedException(
                Reason.INVALID_ARGUMENT,
                "Pod " + pod.ref().name() + " has several containers (" + String.join(", ", containers) + ")",
                Problem.Remedy.NAME_THE_CONTAINER);
    }

    private static Optional<String> annotation(Map<String, Object> object) {
        return Optional.ofNullable(
                JsonTree.of(object).at("metadata.annotations").strings().get(DEFAULT_CONTAINER_ANNOTATION));
    }
}
