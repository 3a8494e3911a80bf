package io.kmcp.adapters.mcp;

import io.kmcp.application.KmcpVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * How the MCP endpoint behaves.
 *
 * @param path where the endpoint is served, {@code /mcp}
 * @param serverVersion the version announced at initialization
 * @param requestTimeout how long the server waits for a client's answer to its own requests: long
 *     enough for a person to read and answer an elicitation
 * @param keepAliveInterval how often open streams are pinged, so that proxies keep them open
 * @param sessionIdleTimeout a session unused for this long, with no stream open, is ended
 * @param maxRequestBytes the largest MCP message accepted
 */
public record McpEndpointSettings(
        String path,
        String serverVersion,
        Duration requestTimeout,
        Duration keepAliveInterval,
        Duration sessionIdleTimeout,
        int maxRequestBytes,
        int maxSessionsPerCaller) {

    public static final String DEFAULT_PATH = "/mcp";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_SESSIONS_PER_CALLER = 32;

    public McpEndpointSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("the MCP path must start with / and not end with it, was " + path);
        }
        requirePositive("request timeout", requestTimeout);
        requirePositive("keep-alive interval", keepAliveInterval);
        requirePositive("session idle timeout", sessionIdleTimeout);
        if (maxSessionsPerCaller < 1) {
            throw new IllegalArgumentException(
                    "the sessions a caller may hold must be at least 1, was " + maxSessionsPerCaller);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException(
                    "the request size limit must be at least 1024 bytes, was " + maxRequestBytes);
        }
    }

    public static McpEndpointSettings defaults() {
        return new McpEndpointSettings(
                DEFAULT_PATH,
                KmcpVersion.current(),
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_KEEP_ALIVE_INTERVAL,
                DEFAULT_SESSION_IDLE_TIMEOUT,
                DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_SESSIONS_PER_CALLER);
    }

    public McpEndpointSettings withRequestTimeout(Duration timeout) {
        return new McpEndpointSettings(
                path,
                serverVersion,
                timeout,
                keepAliveInterval,
                sessionIdleTimeout,
                maxRequestBytes,
                maxSessionsPerCaller);
    }

    public McpEndpointSettings withKeepAliveInterval(Duration interval) {
        return new McpEndpointSettings(
                path,
                serverVersion,
                requestTimeout,
                interval,
                sessionIdleTimeout,
                maxRequestBytes,
                maxSessionsPerCaller);
    }

    public McpEndpointSettings withSessionIdleTimeout(Duration timeout) {
        return new McpEndpointSettings(
                path, serverVersion, requestTimeout, keepAliveInterval, timeout, maxRequestBytes, maxSessionsPerCaller);
    }

    public McpEndpointSettings withMaxRequestBytes(int bytes) {
        return new McpEndpointSettings(
                path,
                serverVersion,
                requestTimeout,
                keepAliveInterval,
                sessionIdleTimeout,
                bytes,
                maxSessionsPerCaller);
    }

    public McpEndpointSettings withServerVersion(String version) {
        return new McpEndpointSettings(
                path,
                version,
                requestTimeout,
                keepAliveInterval,
                sessionIdleTimeout,
                maxRequestBytes,
                maxSessionsPerCaller);
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, was " + duration);
        }
    }

    public McpEndpointSettings withMaxSessionsPerCaller(int sessions) {
        return new McpEndpointSettings(
                path, serverVersion, requestTimeout, keepAliveInterval, sessionIdleTimeout, maxRequestBytes, sessions);
    }
}
