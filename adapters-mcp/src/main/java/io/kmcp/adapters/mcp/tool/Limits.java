package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.KubernetesNames;
import io.kmcp.domain.diagnosis.LogFilter;
import io.kmcp.domain.resource.Selector;
import io.kmcp.domain.resource.SinceSeconds;

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

    static final int SELECTOR = Selector.MAX_LENGTH;

    /** A container name is a DNS label. */
    static final int CONTAINER = KubernetesNames.MAX_LABEL_LENGTH;

    /** {@code Kind/name}, or a name alone. */
    static final int INVOLVED_OBJECT = RESOURCE + 1 + NAME;

    static final int MAX_SINCE_SECONDS = SinceSeconds.MAX;

    /** Event groups per answer. */
    static final int MAX_EVENT_GROUPS = 500;

    /** The domain's limit on a grep pattern. */
    static final int GREP = LogFilter.MAX_GREP_LENGTH;

    private Limits() {}
}
