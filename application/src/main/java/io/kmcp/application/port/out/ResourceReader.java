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
 *
 * <p>Every object read is frozen: each map and list in it is one of the JDK's unmodifiable
 * collections, and nothing holds a modifiable view of it, so it never changes once returned. Use cases
 * rely on it: they pass parts of what they read on without copying them (see {@link
 * io.kmcp.domain.resource.KubernetesObjects#withoutNoise}).
 *
 * <p>An object may come without {@code metadata.managedFields}, the API server's record of which
 * manager set which field: no use case reads it (every answer leaves it out), and an adapter may skip
 * it, since it is most of an object's metadata.
 */
public interface ResourceReader {

    /** One page of the query's objects, each frozen. */
    ResourcePage list(Caller caller, ResourceQuery query);

    /** The object, frozen, or empty when the API server answers 404. */
    Optional<Map<String, Object>> get(Caller caller, ResourceKey key);
}
