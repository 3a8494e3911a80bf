package io.kmcp.adapters.mcp.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds MCP sessions to the authenticated owner that created them: the id the server hands out in
 * {@code Mcp-Session-Id} is recorded with the owner, and any request carrying that id from someone
 * else (a POST, a GET that listens, a DELETE that ends it) is answered 404, exactly as an unknown
 * session, so that a leaked session id is worth nothing without its owner's token. Runs after
 * authentication.
 */
public final class SessionOwnershipFilter extends McpEndpointFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final int TOO_MANY_REQUESTS = 429;

    private static final Logger log = LoggerFactory.getLogger(SessionOwnershipFilter.class);

    private final SessionOwners owners;
    private final Function<HttpServletRequest, Optional<String>> ownerOf;

    /**
     * @param ownerOf the authenticated owner of a request (subject and cluster), empty if none
     */
    public SessionOwnershipFilter(
            String mcpPath, SessionOwners owners, Function<HttpServletRequest, Optional<String>> ownerOf) {
        super(mcpPath);
        this.owners = Objects.requireNonNull(owners, "owners");
        this.ownerOf = Objects.requireNonNull(ownerOf, "ownerOf");
    }

    @Override
    void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> owner = ownerOf.apply(request);
        if (owner.isEmpty()) {
            JsonRpcErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "This request is not authenticated.");
            return;
        }
        String sessionId = request.getHeader(SESSION_HEADER);
        if (sessionId == null || sessionId.isBlank()) {
            if ("POST".equals(request.getMethod()) && owners.isFull(owner.get())) {
                log.warn("refused a new session: the caller holds too many owner={}", owner.get());
                JsonRpcErrors.write(
                        response,
                        TOO_MANY_REQUESTS,
                        "Too many open sessions for this caller; end sessions you no longer use (DELETE /mcp with"
                                + " their Mcp-Session-Id) or reuse one.");
                return;
            }
            chain.doFilter(request, new BindingResponse(response, owners, owner.get()));
            return;
        }
        Optional<SessionOwners.Lease> lease = owners.enter(sessionId, owner.get());
        if (lease.isEmpty()) {
            log.warn("refused a request on a session that is not the caller's (or unknown) owner={}", owner.get());
            JsonRpcErrors.write(
                    response, HttpServletResponse.SC_NOT_FOUND, "Session not found; initialize a new session.");
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                lease.get().close();
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new ReleasingListener(release));
            } else {
                release.run();
            }
        }
        boolean ended = "DELETE".equals(request.getMethod()) && response.getStatus() < 300;
        boolean unknownToTransport = response.getStatus() == HttpServletResponse.SC_NOT_FOUND;
        if (ended || unknownToTransport) {
            owners.forget(sessionId);
        }
    }

    /** Records the owner of the session id the server sets, before the header leaves the server. */
    private static final class BindingResponse extends HttpServletResponseWrapper {
        private final SessionOwners owners;
        private final String owner;

        BindingResponse(HttpServletResponse response, SessionOwners owners, String owner) {
            super(response);
            this.owners = owners;
            this.owner = owner;
        }

        @Override
        public void setHeader(String name, String value) {
            bindIfSession(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            bindIfSession(name, value);
            super.addHeader(name, value);
        }

        private void bindIfSession(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name) && value != null && !value.isBlank()) {
                owners.bind(value, owner);
            }
        }
    }

    private record ReleasingListener(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the same request goes on; the lease stays open
        }
    }
}
