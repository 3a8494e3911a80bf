package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** One namespace at a glance: what runs there, what is unhealthy and why, what warns. */
public interface SummarizeNamespace {

    NamespaceOverview summarize(Caller caller, String namespace);
}
