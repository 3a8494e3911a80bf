package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.KubernetesNames;

/**
 * Upper bounds on argument lengths, checked before any use case runs. They are generous for real
 * input and stop a megabyte-long "name" at the door; the use cases check the syntax.
 */
final class Limits {

    /** {@code <plural>.<version>.<group>}: two DNS labels and a DNS subdomain, with room to spare. */
    static final int RESOURCE = 512;

    static final int NAME = KubernetesNames.MAX_SUBDOMAIN_LENGTH;
    static final int NAMESPACE = KubernetesNames.MAX_LABEL_LENGTH;
    static final int GROUP = KubernetesNames.MAX_SUBDOMAIN_LENGTH;

    /** As the domain's selector limit. */
    static final int SELECTOR = 1024;

    private Limits() {}
}
