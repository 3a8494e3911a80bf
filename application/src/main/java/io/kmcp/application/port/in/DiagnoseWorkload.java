package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/**
 * Gathers, in one call, what it takes to tell why a workload is unhealthy: its owner chain, pods,
 * containers, nodes, claims, autoscalers, events and the logs of failing containers, with the
 * findings the domain's diagnosis rules draw from them. It starts from whatever object the caller
 * names: a workload, Pod or Service, an Ingress or HTTPRoute (through its backend Services), an
 * autoscaler (through the workload it scales), a claim, a Node, a Namespace (its overview) or any
 * other object, judged by its status conditions.
 */
public interface DiagnoseWorkload {

    WorkloadDiagnosis diagnose(Caller caller, DiagnoseWorkloadQuery query);
}
