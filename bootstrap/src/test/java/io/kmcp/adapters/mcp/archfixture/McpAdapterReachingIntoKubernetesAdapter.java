package io.kmcp.adapters.mcp.archfixture;

import io.kmcp.adapters.kubernetes.archfixture.KubernetesAdapterSpeakingMcp;

/** Deliberately broken: the inbound adapter calling the outbound one directly, past the ports. */
public class McpAdapterReachingIntoKubernetesAdapter {
    public Object bypass() {
        return new KubernetesAdapterSpeakingMcp();
    }
}
