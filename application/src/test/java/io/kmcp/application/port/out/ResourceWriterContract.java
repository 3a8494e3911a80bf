package io.kmcp.application.port.out;

import static io.kmcp.application.port.out.ContractObjects.assertFrozen;
import static io.kmcp.application.port.out.ContractObjects.configMap;
import static io.kmcp.application.port.out.ContractObjects.namespace;
import static io.kmcp.application.port.out.ContractObjects.placesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.out.ResourceWriter.ApplyMode;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResourceWriter} does, the in-memory one and the fabric8 one on a real API server
 * alike: a dry run answers what would be stored and stores nothing, an apply stores, and what it
 * stores is what the reader of the same cluster then reads.
 */
public abstract class ResourceWriterContract {

    private static final String NAMESPACE = "writer-contract";

    protected abstract ClusterUnderContract cluster();

    protected abstract ResourceWriter writer();

    /** The reader of the same cluster, to see what was stored. */
    protected abstract ResourceReader reader();

    private ResourceKey givenConfigMapKey(String name) {
        cluster().store(cluster().namespaces(), namespace(NAMESPACE));
        return ResourceKey.namespaced(cluster().configMaps(), new NamespaceName(NAMESPACE), new ObjectName(name));
    }

    private Map<String, Object> apply(ResourceKey key, Map<String, String> data, ApplyMode mode) throws Exception {
        Map<String, Object> object = configMap(NAMESPACE, key.name().value(), Map.of(), data);
        // A real cluster authorises the contract's caller a moment after it is granted its rights.
        return cluster().eventually(() -> writer().apply(cluster().caller(), key, object, mode));
    }

    private Object storedData(ResourceKey key) {
        return reader().get(cluster().caller(), key)
                .map(object -> object.get("data"))
                .orElse(null);
    }

    @Test
    @DisplayName("a dry run answers the object as it would be stored, and stores nothing")
    void dryRun() throws Exception {
        ResourceKey key = givenConfigMapKey("dry");

        Map<String, Object> wouldBe = apply(key, Map.of("mode", "fast"), ApplyMode.DRY_RUN);

        assertThat(wouldBe).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap");
        assertThat(wouldBe).containsEntry("data", Map.of("mode", "fast"));
        assertThat(placesOf(List.of(wouldBe))).containsExactly(NAMESPACE + "/dry");
        assertFrozen(wouldBe);
        assertThat(reader().get(cluster().caller(), key)).isEmpty();
    }

    @Test
    @DisplayName("an apply stores the object and answers it as stored")
    void apply() throws Exception {
        ResourceKey key = givenConfigMapKey("applied");

        Map<String, Object> stored = apply(key, Map.of("mode", "fast"), ApplyMode.APPLY);

        assertThat(stored).containsEntry("kind", "ConfigMap").containsEntry("data", Map.of("mode", "fast"));
        assertFrozen(stored);
        assertThat(storedData(key)).isEqualTo(Map.of("mode", "fast"));
    }

    @Test
    @DisplayName("applying again with other content changes the object; a dry run of a change leaves it as it was")
    void applyAgain() throws Exception {
        ResourceKey key = givenConfigMapKey("changed");
        apply(key, Map.of("mode", "fast"), ApplyMode.APPLY);

        Map<String, Object> wouldBe = apply(key, Map.of("mode", "slow"), ApplyMode.DRY_RUN);
        assertThat(wouldBe).containsEntry("data", Map.of("mode", "slow"));
        assertThat(storedData(key)).isEqualTo(Map.of("mode", "fast"));

        apply(key, Map.of("mode", "slow"), ApplyMode.APPLY);
        assertThat(storedData(key)).isEqualTo(Map.of("mode", "slow"));
    }

    @Test
    @DisplayName("a cluster-scoped object is applied without a namespace")
    void clusterScoped() throws Exception {
        String name = NAMESPACE + "-created";
        ResourceKey key = ResourceKey.clusterScoped(cluster().namespaces(), new ObjectName(name));

        Map<String, Object> wouldBe =
                cluster().eventually(() -> writer().apply(cluster().caller(), key, namespace(name), ApplyMode.DRY_RUN));
        assertThat(wouldBe).containsEntry("kind", "Namespace");
        assertThat(reader().get(cluster().caller(), key)).isEmpty();

        writer().apply(cluster().caller(), key, namespace(name), ApplyMode.APPLY);
        assertThat(reader().get(cluster().caller(), key))
                .hasValueSatisfying(
                        object -> assertThat(placesOf(List.of(object))).containsExactly(name));
    }
}
