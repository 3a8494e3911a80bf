package io.kmcp.adapters.mcp.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/** The path of the MCP endpoint, and whether a request is for it. */
record McpPath(String path) {

    McpPath {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("the MCP path must start with / and not end with it, was " + path);
        }
    }

    boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String within = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return within.equals(path) || within.equals(path + "/");
    }
}
