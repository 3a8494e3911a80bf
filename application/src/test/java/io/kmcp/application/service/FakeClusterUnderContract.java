package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.domain.type.ResourceType;
import java.util.Map;

/** The in-memory cluster as the port contracts see it. */
final class FakeClusterUnderContract implements ClusterUnderContract {

    private final FakeCluster cluster;

    FakeClusterUnderContract(FakeCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Caller caller() {
        return TestTypes.CALLER;
    }

    @Override
    public ResourceType configMaps() {
        return TestTypes.CONFIG_MAPS;
    }

    @Override
    public ResourceType namespaces() {
        return TestTypes.NAMESPACES;
    }

    @Override
    public void store(ResourceType type, Map<String, Object> object) {
        Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
        cluster.with(type, (String) metadata.get("namespace"), (String) metadata.get("name"), object);
    }
}
