package io.kmcp.acceptance.bench;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the throughput benchmark sends again and again: to an MCP server a JSON-RPC
 * {@code tools/call}, to the API server a {@code GET}. A JSON-RPC body holds {@value #ID} where its
 * {@code id} goes, so that concurrent requests on one session carry distinct ids, as a client's do.
 *
 * @param method {@code GET} or {@code POST}
 * @param headers in the order they are sent
 * @param body empty for a {@code GET}
 */
record HttpCall(String method, URI uri, Map<String, String> headers, Optional<String> body) {

    /** Where a JSON-RPC body's id goes. */
    static final String ID = "{{id}}";

    HttpCall {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (body.isPresent() && !body.get().contains(ID)) {
            throw new IllegalArgumentException("a JSON-RPC body needs " + ID + " where its id goes: " + body.get());
        }
    }

    static HttpCall get(URI uri, Map<String, String> headers) {
        return new HttpCall("GET", uri, headers, Optional.empty());
    }

    static HttpCall post(URI uri, Map<String, String> headers, String body) {
        return new HttpCall("POST", uri, headers, Optional.of(body));
    }

    /** The body with this id. */
    Optional<String> body(long id) {
        return body.map(template -> template.replace(ID, Long.toString(id)));
    }

    /** The same request with one header more or replaced. */
    HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, uri, more, body);
    }
}
