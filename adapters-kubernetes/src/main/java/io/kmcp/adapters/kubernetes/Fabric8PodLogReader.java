package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.PodLogReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads container logs through the API server's {@code pods/log} subresource with the caller's token,
 * in exactly one request. The bounds travel with the request, so the API server (and the kubelet
 * behind it) never sends more than was asked for.
 *
 * <p>fabric8's fluent {@code getLog()} is not used: it first lists the pod and may wait seconds for
 * it to become ready, a request the caller did not ask for and a delay a diagnosis cannot afford; its
 * fluent types also cannot combine {@code previous} with {@code limitBytes}, which the API server can.
 */
public final class Fabric8PodLogReader implements PodLogReader {

    private final KubernetesClientPool pool;

    public Fabric8PodLogReader(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String read(Caller caller, LogRequest request) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        try {
            return pool.withClient(caller, client -> {
                String log = client.raw(url(client.getMasterUrl().toString(), request), "GET", null);
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
                            Optional.of(request.namespace().value()),
                            Optional.of(request.pod() + " (container " + request.container()
                                    + (request.previous() ? ", previous instance" : "") + ")")));
        }
    }

    /** {@code …/api/v1/namespaces/{namespace}/pods/{pod}/log?container=…} with the request's bounds. */
    static String url(String masterUrl, LogRequest request) {
        List<String> parameters = new ArrayList<>();
        parameters.add("container=" + encode(request.container()));
        if (request.previous()) {
            parameters.add("previous=true");
        }
        request.tailLines().ifPresent(lines -> parameters.add("tailLines=" + lines));
        request.sinceSeconds().ifPresent(seconds -> parameters.add("sinceSeconds=" + seconds));
        request.limitBytes().ifPresent(bytes -> parameters.add("limitBytes=" + bytes));
        String base = masterUrl.endsWith("/") ? masterUrl.substring(0, masterUrl.length() - 1) : masterUrl;
        return base + "/api/v1/namespaces/" + encode(request.namespace().value()) + "/pods/"
                + encode(request.pod().value()) + "/log?"
                + String.join("&", parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
