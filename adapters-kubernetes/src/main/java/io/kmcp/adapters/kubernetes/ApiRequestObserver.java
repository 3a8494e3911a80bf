package io.kmcp.adapters.kubernetes;

/**
 * Told of every HTTP request a pooled client sends to an API server and of how it ended, for metrics
 * and traces. It knows no metrics library and sees no token, URL path or object name: only the
 * configured cluster, what the request does ({@link ApiRequest}) and the status code.
 */
public interface ApiRequestObserver {

    /** Observes nothing. */
    ApiRequestObserver NONE = (cluster, request) -> Request.IGNORED;

    /**
     * A request is sent, on the thread that sends it (the tool call's thread, so that it belongs to
     * that call); how it ends is told on the HTTP client's threads.
     */
    Request started(String cluster, ApiRequest request);

    /** One request on its way. Exactly one of its methods is called, once. */
    interface Request {

        Request IGNORED = new Request() {
            @Override
            public void answered(int status) {}

            @Override
            public void failed(Throwable failure) {}
        };

        /** The API server answered with this status (its headers arrived). */
        void answered(int status);

        /** No answer: the connection, TLS or the time limit failed. */
        void failed(Throwable failure);
    }
}
