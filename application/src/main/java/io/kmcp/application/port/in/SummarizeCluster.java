package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** The whole cluster at a glance: nodes, workloads that are unhealthy and why, what warns. */
public interface SummarizeCluster {

    ClusterOverview summarize(Caller caller);
}
