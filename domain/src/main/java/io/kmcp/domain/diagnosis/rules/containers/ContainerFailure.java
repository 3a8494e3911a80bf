package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;

/** A container of a pod that fails a rule. */
record ContainerFailure(PodSnapshot pod, ContainerSnapshot container) {}
