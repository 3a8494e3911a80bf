package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ResourceType;
import java.util.Map;
import java.util.Optional;

/**
 * Reads objects from the caller's cluster with the caller's token. Failures of the API server are
 * thrown as {@link io.kmcp.application.RequestFailedException} with a problem that names the verb,
 * resource and namespace.
 */
public interface ResourceReader {

    ResourcePage list(Caller caller, ListRequest request);

    /** The object, or empty when the API server answers 404. */
    Optional<Map<String, Object>> get(Caller caller, ResourceType type, Optional<String> namespace, String name);
}
