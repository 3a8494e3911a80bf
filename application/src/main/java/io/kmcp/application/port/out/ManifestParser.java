package io.kmcp.application.port.out;

import java.util.List;
import java.util.Map;

/**
 * Reads a stream of YAML or JSON documents into JSON-like maps, with a real parser (a {@code ---}
 * inside a block scalar, such as a PEM certificate, is content, not a separator) and limits on size,
 * depth and aliases. Malformed input is thrown as an {@link io.kmcp.application.RequestFailedException}
 * naming the document and line.
 */
public interface ManifestParser {

    /** The documents in order; empty documents (a lone {@code ---}) are skipped. */
    List<Map<String, Object>> parse(String text);
}
