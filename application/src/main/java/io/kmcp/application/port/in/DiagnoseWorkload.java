package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/**
 * Gathers, in one call, what it takes to tell why a workload is unhealthy: its owner chain, pods,
 * containers, nodes, claims, autoscalers, events and the logs of failing containers, with the
 * findings the domain's diagnosis rules draw from them.
 */
public interface DiagnoseWorkload {

    WorkloadDiagnosis diagnose(Caller caller, DiagnoseWorkloadQuery query);
}
