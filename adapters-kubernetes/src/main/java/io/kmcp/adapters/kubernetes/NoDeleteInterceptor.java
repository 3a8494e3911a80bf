package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Locale;

/**
 * The last guard before the network: every request of every pooled client passes here, and a
 * deletion is refused before it is sent, whatever code asked for it. The domain cannot express a
 * delete and an ArchUnit rule forbids fabric8's delete API; this catches what both would miss
 * (a new library call, a reflective path, a future feature). An eviction ({@code POST
 * .../pods/NAME/eviction}) deletes a pod under another method, so it is refused too.
 */
final class NoDeleteInterceptor implements Interceptor {

    static final String NAME = "k-mcp-no-delete";

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        String path = request.uri() == null ? "" : request.uri().getPath();
        if (method.equals("DELETE")) {
            throw new DeletionRefusedException("k-mcp never deletes: the DELETE of " + path
                    + " was refused before it left the process. Delete objects with your own tools if you must.");
        }
        if (method.equals("POST") && path != null && path.endsWith("/eviction")) {
            throw new DeletionRefusedException("k-mcp never deletes: the eviction " + path
                    + " (a pod deletion) was refused before it left the process.");
        }
    }

    /** A deletion that reached the HTTP layer; always a defect of k-mcp, never of the caller. */
    static final class DeletionRefusedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        DeletionRefusedException(String message) {
            super(message);
        }
    }
}
