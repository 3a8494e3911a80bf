package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.PodLogReader;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads container logs through the API server's {@code pods/log} subresource with the caller's token.
 * The bounds travel with the request, so the API server (and the kubelet behind it) never sends more
 * than was asked for.
 */
public final class Fabric8PodLogReader implements PodLogReader {

    private final KubernetesClientPool pool;

    public Fabric8PodLogReader(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /**
     * fabric8's fluent types offer {@code limitBytes} and {@code terminated} as alternatives, though the
     * API server takes both; its implementation keeps accepting either after the other, so the second
     * is applied when the object offers it. Should a later fabric8 stop offering it, the log is still
     * bounded by the tail and trimmed by the caller.
     */
    static TimeTailPrettyLoggable bounded(ContainerResource container, LogRequest request) {
        TimeTailPrettyLoggable log = request.previous() ? container.terminated() : container;
        if (request.limitBytes().isPresent() && log instanceof BytesLimitTerminateTimeTailPrettyLoggable limitable) {
            log = limitable.limitBytes(request.limitBytes().get());
        }
        return log;
    }

    @Override
    public String read(Caller caller, LogRequest request) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        try {
            return pool.withClient(caller, client -> {
                PodResource pod = client.pods().inNamespace(request.namespace()).withName(request.pod());
                TimeTailPrettyLoggable bounded = bounded(pod.inContainer(request.container()), request);
                TailPrettyLoggable since = request.sinceSeconds().isPresent()
                        ? bounded.sinceSeconds(request.sinceSeconds().get())
                        : bounded;
                Loggable tailed = request.tailLines().isPresent()
                        ? since.tailingLines(request.tailLines().get())
                        : since;
                String log = tailed.getLog();
                return log == null ? "" : log;
            });
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(
                    e,
                    new ApiCall(
                            caller,
                            cluster,
                            "get",
                            "pods/log",
                            true,
                            Optional.of(request.namespace()),
                            Optional.of(request.pod() + " (container " + request.container()
                                    + (request.previous() ? ", previous instance" : "") + ")")));
        }
    }
}
