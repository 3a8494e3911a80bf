package io.kmcp.adapters.kubernetes.archfixture;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Deliberately broken: the one thing k-mcp must never do. */
public class KubernetesAdapterDeleting {
    public void remove(KubernetesClient client) {
        client.pods().inNamespace("default").withName("victim").delete();
    }
}
