package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import java.util.Map;
import java.util.Optional;

/**
 * Reads objects from the caller's cluster with the caller's token. What is read arrives as domain
 * values the use case has validated (namespace fits the type's scope, selectors, limit, token), so an
 * adapter only translates them. Failures of the API server are thrown as {@link
 * io.kmcp.application.RequestFailedException} with a problem that names the verb, resource and
 * namespace.
 */
public interface ResourceReader {

    /** One page of the query's objects. */
    ResourcePage list(Caller caller, ResourceQuery query);

    /** The object, or empty when the API server answers 404. */
    Optional<Map<String, Object>> get(Caller caller, ResourceKey key);
}
