package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ResourceType;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What a port's contract needs from the cluster behind the port, besides the port itself: a caller
 * who may do everything the contract does, two types as the cluster's discovery describes them, and
 * a way to put objects in place that does not go through the port under test.
 */
public interface ClusterUnderContract {

    Caller caller();

    /** ConfigMaps: a namespaced core type. */
    ResourceType configMaps();

    /** Namespaces: a cluster-scoped core type. */
    ResourceType namespaces();

    /** Stores the object as an administrator would; a namespace must be stored before what it holds. */
    void store(ResourceType type, Map<String, Object> object);

    /** The attempt's result once it succeeds: a real cluster takes a moment to serve what was just stored. */
    default <T> T eventually(Callable<T> attempt) throws Exception {
        return attempt.call();
    }
}
