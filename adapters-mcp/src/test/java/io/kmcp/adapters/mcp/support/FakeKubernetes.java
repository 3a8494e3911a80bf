package io.kmcp.adapters.mcp.support;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReviewQuery;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.AwaitReadiness;
import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.CompleteNames;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.application.port.in.PodLogsQuery;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.in.ReadinessQuery;
import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.application.port.in.ReviewAccess;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.in.SummarizeNamespace;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.application.port.out.ApplyApproval;
import io.kmcp.application.port.out.WaitProgress;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * The use cases in memory: each answers with what the test programmed and records every call, with
 * its caller, so that a test can also prove that no call happened. Apply also records every decision
 * of the approval the tool passed.
 */
public final class FakeKubernetes
        implements ListResources,
                GetResource,
                DescribeResourceTypes,
                ApplyResources,
                AwaitReadiness,
                DiagnoseWorkload,
                SummarizeNamespace,
                SummarizeCluster,
                ListEvents,
                ReadPodLogs,
                ReviewAccess,
                CompleteNames {

    public record Call(Caller caller, Object query) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile BiFunction<Caller, ListResourcesQuery, ResourceList> list = (caller, query) -> {
        throw new AssertionError("resource_list was not expected");
    };
    private volatile BiFunction<Caller, GetResourceQuery, ResourceDetail> get = (caller, query) -> {
        throw new AssertionError("resource_get was not expected");
    };
    private volatile BiFunction<Caller, ResourceTypesQuery, List<ResourceType>> types = (caller, query) -> {
        throw new AssertionError("resource_types was not expected");
    };
    private final List<ApplyApproval.Decision> decisions = new CopyOnWriteArrayList<>();
    private volatile BiFunction<ApplyCommand, ApplyApproval, ApplyReport> apply = (command, approval) -> {
        throw new AssertionError("resource_apply was not expected");
    };

    private volatile BiFunction<Caller, DiagnoseWorkloadQuery, WorkloadDiagnosis> diagnose =
            unexpected("workload_diagnose");
    private volatile BiFunction<ReadinessQuery, WaitProgress, ReadinessReport> await = (query, progress) -> {
        throw new AssertionError("a wait for readiness was not expected");
    };
    private volatile BiFunction<Caller, String, NamespaceOverview> namespaceOverview = unexpected("namespace_overview");
    private volatile BiFunction<Caller, Void, ClusterOverview> clusterOverview = unexpected("cluster_overview");
    private volatile BiFunction<Caller, EventsQuery, EventList> events = unexpected("events_list");
    private volatile BiFunction<Caller, PodLogsQuery, PodLogs> logs = unexpected("pod_logs");
    private volatile BiFunction<Caller, AccessReviewQuery, AccessReport> access = unexpected("access_review");
    private volatile BiFunction<Caller, CompletionQuery, Completion> completions = unexpected("completion/complete");

    private static <Q, A> BiFunction<Caller, Q, A> unexpected(String tool) {
        return (caller, query) -> {
            throw new AssertionError(tool + " was not expected");
        };
    }

    public void reset() {
        diagnose = unexpected("workload_diagnose");
        await = (query, progress) -> {
            throw new AssertionError("a wait for readiness was not expected");
        };
        namespaceOverview = unexpected("namespace_overview");
        clusterOverview = unexpected("cluster_overview");
        events = unexpected("events_list");
        logs = unexpected("pod_logs");
        access = unexpected("access_review");
        completions = unexpected("completion/complete");
        decisions.clear();
        apply = (command, approval) -> {
            throw new AssertionError("resource_apply was not expected");
        };
        calls.clear();
        list = (caller, query) -> {
            throw new AssertionError("resource_list was not expected");
        };
        get = (caller, query) -> {
            throw new AssertionError("resource_get was not expected");
        };
        types = (caller, query) -> {
            throw new AssertionError("resource_types was not expected");
        };
    }

    public void onList(BiFunction<Caller, ListResourcesQuery, ResourceList> answer) {
        list = answer;
    }

    public void onGet(BiFunction<Caller, GetResourceQuery, ResourceDetail> answer) {
        get = answer;
    }

    public void onTypes(BiFunction<Caller, ResourceTypesQuery, List<ResourceType>> answer) {
        types = answer;
    }

    public void onApply(BiFunction<ApplyCommand, ApplyApproval, ApplyReport> answer) {
        apply = answer;
    }

    /**
     * Apply as the service does it: a dry run answers the plan; otherwise the approval is asked once
     * and its decision gives the report, with these outcomes when approved.
     */
    public void onApply(List<DocumentPreview> plan, List<DocumentOutcome> outcomesOnceApproved) {
        apply = (command, approval) -> {
            if (command.dryRun()) {
                return new ApplyReport(ApplyReport.Status.PREVIEWED, plan, List.of());
            }
            return switch (approval.ask(plan)) {
                case APPROVED -> new ApplyReport(ApplyReport.Status.APPLIED, plan, outcomesOnceApproved);
                case DECLINED -> new ApplyReport(ApplyReport.Status.DECLINED, plan, List.of());
                case CANCELLED -> new ApplyReport(ApplyReport.Status.CANCELLED, plan, List.of());
                case UNAVAILABLE -> new ApplyReport(ApplyReport.Status.CONFIRMATION_REQUIRED, plan, List.of());
            };
        };
    }

    public void onDiagnose(BiFunction<Caller, DiagnoseWorkloadQuery, WorkloadDiagnosis> answer) {
        diagnose = answer;
    }

    public void onNamespaceOverview(BiFunction<Caller, String, NamespaceOverview> answer) {
        namespaceOverview = answer;
    }

    public void onClusterOverview(ClusterOverview answer) {
        clusterOverview = (caller, nothing) -> answer;
    }

    public void onEvents(BiFunction<Caller, EventsQuery, EventList> answer) {
        events = answer;
    }

    public void onComplete(BiFunction<Caller, CompletionQuery, Completion> answer) {
        completions = answer;
    }

    public void onAccessReview(BiFunction<Caller, AccessReviewQuery, AccessReport> answer) {
        access = answer;
    }

    public void onLogs(BiFunction<Caller, PodLogsQuery, PodLogs> answer) {
        logs = answer;
    }

    /** What the approvals passed to apply decided, in order. */
    public List<ApplyApproval.Decision> decisions() {
        return List.copyOf(decisions);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public ResourceList list(Caller caller, ListResourcesQuery query) {
        calls.add(new Call(caller, query));
        return list.apply(caller, query);
    }

    @Override
    public ResourceDetail get(Caller caller, GetResourceQuery query) {
        calls.add(new Call(caller, query));
        return get.apply(caller, query);
    }

    @Override
    public List<ResourceType> describe(Caller caller, ResourceTypesQuery query) {
        calls.add(new Call(caller, query));
        return types.apply(caller, query);
    }

    @Override
    public ApplyReport apply(Caller caller, ApplyCommand command, ApplyApproval approval) {
        calls.add(new Call(caller, command));
        ApplyApproval recording = preview -> {
            ApplyApproval.Decision decision = approval.ask(preview);
            decisions.add(decision);
            return decision;
        };
        return apply.apply(command, recording);
    }

    /** Answers waits for readiness; the progress passed is the tool's, for the answer to report to. */
    public void onAwait(BiFunction<ReadinessQuery, WaitProgress, ReadinessReport> answer) {
        await = answer;
    }

    @Override
    public ReadinessReport await(Caller caller, ReadinessQuery query, WaitProgress progress) {
        calls.add(new Call(caller, query));
        return await.apply(query, progress);
    }

    @Override
    public WorkloadDiagnosis diagnose(Caller caller, DiagnoseWorkloadQuery query) {
        calls.add(new Call(caller, query));
        return diagnose.apply(caller, query);
    }

    @Override
    public NamespaceOverview summarize(Caller caller, String namespace) {
        calls.add(new Call(caller, namespace));
        return namespaceOverview.apply(caller, namespace);
    }

    /** Recorded with the query {@code "cluster"}. */
    @Override
    public ClusterOverview summarize(Caller caller) {
        calls.add(new Call(caller, "cluster"));
        return clusterOverview.apply(caller, null);
    }

    @Override
    public EventList list(Caller caller, EventsQuery query) {
        calls.add(new Call(caller, query));
        return events.apply(caller, query);
    }

    @Override
    public PodLogs read(Caller caller, PodLogsQuery query) {
        calls.add(new Call(caller, query));
        return logs.apply(caller, query);
    }

    @Override
    public AccessReport review(Caller caller, AccessReviewQuery query) {
        calls.add(new Call(caller, query));
        return access.apply(caller, query);
    }

    @Override
    public Completion complete(Caller caller, CompletionQuery query) {
        calls.add(new Call(caller, query));
        return completions.apply(caller, query);
    }
}
