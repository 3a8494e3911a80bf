package io.kmcp.adapters.kubernetes;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK HTTP client of one cluster, telling an {@link ApiRequestObserver} of every request it sends
 * and how it ended. This is the one place that sees both ends of a request: fabric8's interceptors
 * are not told of a request that gets no answer (a refused connection, a time-out) when retries are
 * off, as they are here. A request is started on the sending thread, so the observer sees the tool
 * call it belongs to; its end comes on the client's threads.
 */
final class ObservedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final String cluster;
    private final ApiRequestObserver observer;

    ObservedHttpClient(HttpClient delegate, String cluster, ApiRequestObserver observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        ApiRequestObserver.Request observed = start(request);
        try {
            HttpResponse<T> response = delegate.send(request, handler);
            observed.answered(response.statusCode());
            return response;
        } catch (IOException | InterruptedException | RuntimeException failure) {
            observed.failed(failure);
            throw failure;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        ApiRequestObserver.Request observed = start(request);
        try {
            return observedEnd(delegate.sendAsync(request, handler), observed);
        } catch (RuntimeException failure) {
            observed.failed(failure);
            throw failure;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        ApiRequestObserver.Request observed = start(request);
        try {
            return observedEnd(delegate.sendAsync(request, handler, pushPromiseHandler), observed);
        } catch (RuntimeException failure) {
            observed.failed(failure);
            throw failure;
        }
    }

    private ApiRequestObserver.Request start(HttpRequest request) {
        return observer.started(cluster, ApiRequest.of(request.method(), request.uri()));
    }

    /** The sender's future itself is returned, so that cancelling it still reaches the JDK client. */
    private static <T> CompletableFuture<HttpResponse<T>> observedEnd(
            CompletableFuture<HttpResponse<T>> sent, ApiRequestObserver.Request observed) {
        sent.whenComplete((response, failure) -> {
            if (response != null) {
                observed.answered(response.statusCode());
            } else {
                observed.failed(failure);
            }
        });
        return sent;
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    /** fabric8 stops the client by shutting down this executor, which stays the delegate's. */
    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** Builds the JDK client fabric8 configures, and wraps it; or hands out the one already built. */
    static final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;
        private final String cluster;
        private final ApiRequestObserver observer;
        private final Function<Supplier<HttpClient>, HttpClient> built;

        Builder(HttpClient.Builder delegate, String cluster, ApiRequestObserver observer) {
            this(delegate, cluster, observer, Supplier::get);
        }

        /** @param built given how to build the client, returns it: built now, or one built before */
        Builder(
                HttpClient.Builder delegate,
                String cluster,
                ApiRequestObserver observer,
                Function<Supplier<HttpClient>, HttpClient> built) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            this.cluster = cluster;
            this.observer = observer;
            this.built = Objects.requireNonNull(built, "built");
        }

        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return built.apply(() -> new ObservedHttpClient(delegate.build(), cluster, observer));
        }
    }
}
