package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code workload_diagnose}: why a workload is not working, in one call. */
public final class WorkloadDiagnoseTool {

    static final String NAME = "workload_diagnose";

    private static final String DESCRIPTION = """
            The FIRST call when something is not working: "why is X not ready / crashing / not starting / \
            not reachable", "the shop is down". One call replaces the usual round trips (list the pods, \
            describe them, read the events, read the logs of the crashed containers, check the nodes and \
            volume claims): it reads the object, its owner chain (Deployment → ReplicaSets → Pods, CronJob → \
            Jobs, Service → EndpointSlices), its pods and containers, the nodes, claims and autoscalers \
            involved, their events and the last log lines of failing containers, and names the causes it \
            finds (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Unschedulable, ClaimPending, \
            ReadinessProbeFailing, JobFailed, ServiceSelectsNothing, NoReadyEndpoints, RolloutStuck, \
            BackendServiceMissing, BackendPortMissing, ConditionFailing …) with their evidence, most severe \
            first. It starts from any object: a workload, Pod or Service; an Ingress or Gateway API HTTPRoute \
            (its backend Services, their endpoints and pods, missing Services and ports named); a \
            HorizontalPodAutoscaler (its conditions, then the workload it scales); a PersistentVolumeClaim \
            (and the pods using it); a Node (its conditions and pods; no namespace); a Namespace (its \
            overview: unhealthy workloads, held deletion; no namespace); any other object, custom resources \
            included, by its status conditions. `resource` is optional: without it the name is looked up \
            among Deployments, StatefulSets, DaemonSets, CronJobs, Jobs, ReplicaSets, Pods, Services, \
            Ingresses, HTTPRoutes, HorizontalPodAutoscalers and PersistentVolumeClaims of the namespace, or \
            among Nodes and Namespaces without one. A healthy object is reported as such. Secrets are named, \
            never read. Parts the caller may not read are listed as gaps. Follow up with pod_logs or \
            events_list for more detail.""";

    static final Argument<Optional<String>> RESOURCE = Argument.text(
            "resource",
            Limits.RESOURCE,
            "The type of the object: deployment, statefulset, daemonset, cronjob, job, replicaset, pod, service,"
                    + " ingress, httproute, hpa, pvc, node, namespace or any other type with status conditions (any"
                    + " kubectl spelling, e.g. deploy, sts, jobs.batch). Leave it out to look the name up among the"
                    + " usual ones.");
    static final Argument<String> OBJECT_NAME =
            Argument.requiredText("name", Limits.NAME, "The name of the object: a workload, pod, service, ingress ….");
    static final Argument<Optional<String>> NAMESPACE = Argument.text(
            "namespace",
            Limits.NAMESPACE,
            "Its namespace; leave it out for a Node, a Namespace or another cluster-scoped object.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "target": %s,
                "healthy": {"type": "boolean", "description": "true when no finding was made."},
                "headline": {"type": "string"},
                "findings": {
                  "type": "array",
                  "description": "The causes found, most severe first.",
                  "items": {
                    "type": "object",
                    "properties": {
                      "severity": {"type": "string", "enum": [%s]},
                      "cause": {"type": "string", "description": "A stable name: CrashLoopBackOff, ImagePullBackOff, OOMKilled, Unschedulable …"},
                      "subject": {"type": "string", "description": "The object the finding is about, e.g. Deployment shop/web."},
                      "summary": {"type": "string"},
                      "evidence": {"type": "array", "items": {"type": "string"}}
                    },
                    "required": ["severity", "cause", "subject", "summary", "evidence"],
                    "additionalProperties": false
                  }
                },
                "pods": {
                  "type": "object",
                  "properties": {
                    "total": {"type": "integer"},
                    "ready": {"type": "integer"},
                    "restarts": {"type": "integer"},
                    "phases": {"type": "object", "additionalProperties": {"type": "integer"}}
                  },
                  "required": ["total", "ready", "restarts", "phases"],
                  "additionalProperties": false
                },
                "gaps": {"type": "array", "items": {"type": "string"}, "description": "What could not be read, and why."},
                "apiRequests": {"type": "integer", "description": "Requests sent to the API server for this diagnosis."},
                "truncated": {"type": "boolean", "description": "true when the text answer was cut to maxChars."}
              },
              "required": ["target", "healthy", "headline", "findings", "pods", "gaps", "apiRequests", "truncated"],
              "additionalProperties": false
            }
            """.formatted(
                    EventLines.REFERENCE_SCHEMA,
                    Arrays.stream(Severity.values())
                            .map(severity -> "\"" + severity.name() + "\"")
                            .collect(Collectors.joining(", ")));

    private final DiagnoseWorkload diagnoseWorkload;

    public WorkloadDiagnoseTool(DiagnoseWorkload diagnoseWorkload) {
        this.diagnoseWorkload = Objects.requireNonNull(diagnoseWorkload, "diagnoseWorkload");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Diagnose why a Kubernetes object is not working",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(RESOURCE, OBJECT_NAME, NAMESPACE),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        DiagnoseWorkloadQuery query = new DiagnoseWorkloadQuery(
                arguments.get(RESOURCE), arguments.get(OBJECT_NAME), arguments.get(NAMESPACE));
        CharBudget budget = arguments.budget();
        conversation.progress(
                1, 2, "gathering " + query.name() + ": owner chain, pods, events, logs, nodes, claims, autoscalers");
        WorkloadDiagnosis diagnosis = diagnoseWorkload.diagnose(caller, query);
        conversation.progress(2, 2, "naming the causes found");
        Rendered text = DiagnosisText.render(diagnosis, budget);
        return ToolAnswer.success(text.text(), structured(diagnosis, text.truncated()));
    }

    static Map<String, Object> structured(WorkloadDiagnosis diagnosis, boolean truncated) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("target", EventLines.reference(diagnosis.graph().target()));
        structured.put("healthy", diagnosis.findings().isEmpty());
        structured.put("headline", DiagnosisText.headline(diagnosis));
        structured.put(
                "findings",
                diagnosis.findings().stream().map(WorkloadDiagnoseTool::finding).toList());
        structured.put("pods", pods(diagnosis.graph().pods()));
        structured.put("gaps", diagnosis.gaps());
        structured.put("apiRequests", diagnosis.apiRequests());
        structured.put("truncated", truncated);
        return structured;
    }

    static Map<String, Object> finding(Finding finding) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("severity", finding.severity().name());
        structured.put("cause", finding.cause());
        structured.put("subject", finding.subject().display());
        structured.put("summary", finding.summary());
        structured.put("evidence", finding.evidence());
        return structured;
    }

    private static Map<String, Object> pods(List<PodSnapshot> pods) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", pods.size());
        summary.put("ready", (int) pods.stream().filter(PodSnapshot::ready).count());
        summary.put("restarts", pods.stream().mapToInt(PodSnapshot::restarts).sum());
        summary.put(
                "phases",
                pods.stream()
                        .collect(Collectors.groupingBy(
                                PodSnapshot::phase, TreeMap::new, Collectors.summingInt(pod -> 1))));
        return summary;
    }
}
