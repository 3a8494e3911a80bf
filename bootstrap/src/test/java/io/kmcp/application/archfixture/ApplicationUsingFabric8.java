package io.kmcp.application.archfixture;

import io.fabric8.kubernetes.api.model.Pod;

/** Deliberately broken: a use case that speaks fabric8 instead of the domain. */
public class ApplicationUsingFabric8 {
    public String name(Pod pod) {
        return pod.getMetadata().getName();
    }
}
