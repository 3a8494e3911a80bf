package io.kmcp.adapters.mcp.tool;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Objects as YAML the way kubectl prints them: no document marker, quotes only where a value would
 * otherwise read as another type (so that {@code "1.0"} and {@code "true"} stay strings when the YAML
 * is applied again), multi-line strings as literal blocks.
 */
final class Yaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();

    private Yaml() {}

    static String of(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
