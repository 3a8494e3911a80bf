/**
 * Metrics and traces of the Kubernetes side with Micrometer: API server requests ({@link
 * io.kmcp.adapters.kubernetes.ApiRequestObserver}) and the client pool. Labels are clusters, verbs and
 * status codes, never a URL path, an object's name or a token.
 */
package io.kmcp.adapters.kubernetes.observability;
