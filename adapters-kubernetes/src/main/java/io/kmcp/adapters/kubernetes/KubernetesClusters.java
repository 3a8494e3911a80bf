package io.kmcp.adapters.kubernetes;

import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The clusters this server may talk to, by name. A name that is not here is never turned into a
 * connection: no request leaves for a URL the operator did not configure.
 */
public final class KubernetesClusters {

    private final Map<String, ClusterConnection> byName;

    public KubernetesClusters(Collection<ClusterConnection> connections) {
        Objects.requireNonNull(connections, "connections");
        Map<String, ClusterConnection> map = new LinkedHashMap<>();
        for (ClusterConnection connection : connections) {
            if (map.putIfAbsent(connection.name(), connection) != null) {
                throw new IllegalArgumentException(
                        "Two clusters are named " + connection.name() + "; every cluster needs a name of its own.");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("No cluster is configured; configure at least one API server.");
        }
        this.byName = Map.copyOf(map);
    }

    public static KubernetesClusters of(ClusterConnection... connections) {
        return new KubernetesClusters(List.of(connections));
    }

    /**
     * The connection of a configured cluster.
     *
     * @throws RequestFailedException UNAVAILABLE if no cluster has that name
     */
    public ClusterConnection connection(String clusterName) {
        ClusterConnection connection = byName.get(clusterName);
        if (connection == null) {
            throw new RequestFailedException(
                    Problem.Reason.UNAVAILABLE,
                    "No cluster named " + clusterName + " is configured on this k-mcp server, so the request was not"
                            + " sent anywhere; use a token whose audience names one of the configured clusters.");
        }
        return connection;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
