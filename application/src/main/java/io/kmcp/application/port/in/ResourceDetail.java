package io.kmcp.application.port.in;

import io.kmcp.domain.type.ResourceType;
import java.util.Map;
import java.util.Objects;

/** One object of a resolved type, stripped of noise. */
public record ResourceDetail(ResourceType type, Map<String, Object> object) {

    public ResourceDetail {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
    }
}
