package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import io.kmcp.domain.resource.ResourceKey;
import java.util.Map;

/**
 * Server-side apply with the field manager {@code k-mcp}, never forcing conflicts. There is no
 * delete here, nor anywhere else: k-mcp cannot express one.
 */
public interface ResourceWriter {

    /**
     * Applies the object, or only asks the API server what applying it would produce.
     *
     * @param key the object's type, namespace and name, which the body's apiVersion, kind and metadata
     *     agree with
     * @param object the manifest's body, with apiVersion, kind and metadata
     * @return the object as the API server stored it (or would store it, on a dry run), frozen as what a
     *     {@link ResourceReader} returns is
     */
    Map<String, Object> apply(Caller caller, ResourceKey key, Map<String, Object> object, ApplyMode mode);

    enum ApplyMode {
        DRY_RUN,
        APPLY
    }
}
