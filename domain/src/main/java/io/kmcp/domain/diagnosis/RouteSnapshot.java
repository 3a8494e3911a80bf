package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What routes traffic to Services: an Ingress or a Gateway API HTTPRoute, as the Services it sends to.
 *
 * @param backends every Service backend, in the order the object lists them, each once per place
 * @param unfollowed backends that are no Service of the route's namespace (a resource backend, a
 *     Service of another namespace), told as they are, not followed
 */
public record RouteSnapshot(ObjectRef ref, List<Backend> backends, List<String> unfollowed) {

    public RouteSnapshot {
        Objects.requireNonNull(ref, "ref");
        backends = List.copyOf(backends);
        unfollowed = List.copyOf(unfollowed);
    }

    /** The names of the Services the route sends to, each once. */
    public List<String> serviceNames() {
        return backends.stream().map(Backend::service).distinct().toList();
    }

    /**
     * One place traffic goes to.
     *
     * @param where the host and path, or rule, that sends there: {@code shop.example.com/api}
     * @param port the Service port by number or name; empty when the route names none (HTTPRoute to a
     *     Service of one port)
     */
    public record Backend(String where, String service, Optional<String> port) {

        public Backend {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(port, "port");
        }

        /** {@code Service api port 8080}. */
        public String display() {
            return "Service " + service + port.map(value -> " port " + value).orElse("");
        }
    }
}
