package io.kmcp.domain.apply;

import io.kmcp.domain.resource.KubernetesObjects;
import java.util.Map;
import java.util.Objects;

/** A parsed document of a stream, not yet checked, and where it came from. */
public record Document(Position position, Map<String, Object> content) {

    public Document {
        Objects.requireNonNull(position, "position");
        content = KubernetesObjects.immutableCopy(Objects.requireNonNull(content, "content"));
    }
}
