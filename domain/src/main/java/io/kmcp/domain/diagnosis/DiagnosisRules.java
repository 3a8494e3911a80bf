package io.kmcp.domain.diagnosis;

import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.autoscaling.AutoscalerAtLimitRule;
import io.kmcp.domain.diagnosis.rules.conditions.ConditionFailingRule;
import io.kmcp.domain.diagnosis.rules.containers.ContainerFailedRule;
import io.kmcp.domain.diagnosis.rules.containers.ContainerWaitingRule;
import io.kmcp.domain.diagnosis.rules.containers.CrashLoopBackOffRule;
import io.kmcp.domain.diagnosis.rules.containers.CreateContainerConfigErrorRule;
import io.kmcp.domain.diagnosis.rules.containers.ImagePullBackOffRule;
import io.kmcp.domain.diagnosis.rules.containers.LivenessProbeFailingRule;
import io.kmcp.domain.diagnosis.rules.containers.OomKilledRule;
import io.kmcp.domain.diagnosis.rules.containers.ReadinessProbeFailingRule;
import io.kmcp.domain.diagnosis.rules.containers.VolumeMountFailedRule;
import io.kmcp.domain.diagnosis.rules.deletion.DeletionBlockedRule;
import io.kmcp.domain.diagnosis.rules.nodes.NodeNotReadyRule;
import io.kmcp.domain.diagnosis.rules.pods.EvictedRule;
import io.kmcp.domain.diagnosis.rules.pods.NodeShutdownRule;
import io.kmcp.domain.diagnosis.rules.pods.PodDeadlineExceededRule;
import io.kmcp.domain.diagnosis.rules.pods.PodRejectedRule;
import io.kmcp.domain.diagnosis.rules.routes.BackendMissingRule;
import io.kmcp.domain.diagnosis.rules.routes.BackendNotReadyRule;
import io.kmcp.domain.diagnosis.rules.scheduling.ClaimPendingRule;
import io.kmcp.domain.diagnosis.rules.scheduling.ClaimResizeFailedRule;
import io.kmcp.domain.diagnosis.rules.scheduling.SchedulingGatedRule;
import io.kmcp.domain.diagnosis.rules.scheduling.UnschedulableRule;
import io.kmcp.domain.diagnosis.rules.services.NoReadyEndpointsRule;
import io.kmcp.domain.diagnosis.rules.services.ServiceSelectsNothingRule;
import io.kmcp.domain.diagnosis.rules.workloads.CronJobScheduleRule;
import io.kmcp.domain.diagnosis.rules.workloads.FailedCreateRule;
import io.kmcp.domain.diagnosis.rules.workloads.JobFailedRule;
import io.kmcp.domain.diagnosis.rules.workloads.ReplicasUnavailableRule;
import io.kmcp.domain.diagnosis.rules.workloads.RolloutStuckRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What is wrong with a workload: the findings of every diagnosis rule (one class each, in
 * {@link io.kmcp.domain.diagnosis.rules}) about a {@link WorkloadGraph}. Every finding quotes what the
 * cluster reported, briefly.
 */
public final class DiagnosisRules {

    /**
     * The rules that name a cause. Where two findings share a cause and a subject the earlier one is
     * kept, so this order decides which.
     */
    private static final List<DiagnosisRule> CAUSES = List.of(
            new CrashLoopBackOffRule(),
            new OomKilledRule(),
            new LivenessProbeFailingRule(),
            new ImagePullBackOffRule(),
            new CreateContainerConfigErrorRule(),
            new VolumeMountFailedRule(),
            new ContainerWaitingRule(),
            new ContainerFailedRule(),
            new EvictedRule(),
            new PodRejectedRule(),
            new NodeShutdownRule(),
            new PodDeadlineExceededRule(),
            new UnschedulableRule(),
            new SchedulingGatedRule(),
            new ClaimPendingRule(),
            new ClaimResizeFailedRule(),
            new ReadinessProbeFailingRule(),
            new JobFailedRule(),
            new FailedCreateRule(),
            new CronJobScheduleRule(),
            new ServiceSelectsNothingRule(),
            new NoReadyEndpointsRule(),
            new RolloutStuckRule(),
            new NodeNotReadyRule(),
            new AutoscalerAtLimitRule(),
            new DeletionBlockedRule(),
            new BackendMissingRule(),
            new BackendNotReadyRule(),
            new ConditionFailingRule());

    private static final ReplicasUnavailableRule REPLICAS_UNAVAILABLE = new ReplicasUnavailableRule();

    private DiagnosisRules() {}

    /**
     * Every rule's findings, most severe first, then by cause and subject; one finding per cause and
     * subject. A healthy workload, or a Job that completed, has none.
     */
    public static List<Finding> findings(WorkloadGraph graph) {
        List<Finding> causes =
                CAUSES.stream().flatMap(rule -> rule.findings(graph).stream()).toList();
        Map<String, Finding> unique = new LinkedHashMap<>();
        Stream.concat(causes.stream(), REPLICAS_UNAVAILABLE.findings(graph, causes).stream())
                .forEach(finding -> unique.putIfAbsent(
                        finding.cause() + "\n" + finding.subject().display(), finding));
        return unique.values().stream().sorted(Finding.MOST_SEVERE_FIRST).toList();
    }

    /** What is wrong with a namespace itself: its deletion held past its deadline, or nothing. */
    public static Optional<Finding> namespaceFinding(NamespaceSnapshot namespace, Instant now) {
        return DeletionBlockedRule.finding(namespace, now);
    }
}
