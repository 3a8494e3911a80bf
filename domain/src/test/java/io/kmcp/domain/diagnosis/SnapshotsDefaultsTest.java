package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState.Phase;
import io.kmcp.domain.fixtures.Json;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Snapshots of objects caught between states")
class SnapshotsDefaultsTest {

    @Test
    @DisplayName("an EndpointSlice: ready and not-ready endpoints each counted, one without the condition as ready")
    void endpointCounts() {
        EndpointSliceSnapshot slice = Snapshots.endpointSlice(Json.object("""
                {"kind": "EndpointSlice", "metadata": {"name": "web-1", "labels": {"kubernetes.io/service-name": "web"}},
                 "endpoints": [
                   {"conditions": {"ready": true}, "targetRef": {"kind": "Pod", "name": "web-a"}},
                   {"conditions": {"ready": true}, "targetRef": {"kind": "Pod", "name": "web-b"}},
                   {"conditions": {"ready": false}, "targetRef": {"kind": "Pod", "name": "web-c"}},
                   {"conditions": {}, "targetRef": {"kind": "Node", "name": "node-1"}},
                   {"addresses": ["10.0.0.9"]}
                 ]}
                """));

        assertThat(slice.ready()).as("no ready condition counts as ready").isEqualTo(4);
        assertThat(slice.notReady()).isEqualTo(1);
        assertThat(slice.targetPods()).containsExactly("web-a", "web-b", "web-c");
    }

    @Test
    @DisplayName("a Job that names no completions wants one")
    void jobOfOneCompletion() {
        WorkloadSnapshot job = Snapshots.workload(Json.object("""
                {"kind": "Job", "metadata": {"name": "once"}, "spec": {"backoffLimit": 6}, "status": {"active": 1}}
                """));

        assertThat(job.desired()).contains(1);
        assertThat(job.backoffLimit()).contains(6);
    }

    @Test
    @DisplayName("a container status with an empty state, as during a kubelet restart, is in an unknown state")
    void emptyContainerState() {
        PodSnapshot pod = Snapshots.pod(Json.object("""
                {"kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "app", "image": "web:1"}]},
                 "status": {"containerStatuses": [{"name": "app", "restartCount": 1, "state": {}}]}}
                """));

        ContainerSnapshot app = pod.containers().get(0);
        assertThat(app.state()).isEqualTo(ContainerState.UNKNOWN);
        assertThat(app.state().phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(app.restartCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a Node's allocatable quantities as written, fractions and plain numbers alike")
    void allocatable() {
        NodeSnapshot node = Snapshots.node(Map.of(
                "metadata",
                Map.of("name", "node-1"),
                "status",
                Map.of("allocatable", Map.of("cpu", 0.5, "pods", 110, "memory", "2Gi"))));

        assertThat(node.ref()).isEqualTo(new ObjectRef("Node", "", "node-1", ""));
        assertThat(node.allocatable()).containsEntry("cpu", "0.5").containsEntry("pods", "110");
        assertThat(node.allocatable()).containsEntry("memory", "2Gi");
    }
}
