/**
 * Kubernetes resource types as discovery describes them ({@link io.kmcp.domain.type.ResourceType},
 * {@link io.kmcp.domain.type.ApiCatalog}) and as callers name them ({@link
 * io.kmcp.domain.type.TypeReference}). The verbs a type serves have no delete, so no code path can
 * express one.
 */
package io.kmcp.domain.type;
