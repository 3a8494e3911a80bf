package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading container logs through a real kube-apiserver, from pods kwok runs")
class Fabric8PodLogReaderRealClusterTest {

    private static final String NAMESPACE = "log-reader-it";
    private static final RealCluster CLUSTER = RealCluster.withWorkloads();

    private static KubernetesClientPool pool;
    private static Fabric8PodLogReader reader;
    private static Caller logReader;
    private static Caller podReaderOnly;
    private static String pod;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        reader = new Fabric8PodLogReader(pool);
        Workloads workloads = CLUSTER.plane.workloads().namespace(NAMESPACE);
        workloads.crashLoopingDeployment(NAMESPACE, "orders");
        pod = workloads.awaitFault(NAMESPACE, "orders").get(0).getMetadata().getName();

        TestBedAccess access = CLUSTER.access();
        access.clusterRole("log-reader-it", "", List.of("pods", "pods/log"), List.of("get", "list"))
                .clusterRole("log-reader-it-pods", "", List.of("pods"), List.of("get", "list"));
        ServiceAccountRef withLogs = access.serviceAccount(NAMESPACE, "with-logs");
        ServiceAccountRef withoutLogs = access.serviceAccount(NAMESPACE, "without-logs");
        access.grantInNamespace(withLogs, NAMESPACE, "log-reader-it")
                .grantInNamespace(withoutLogs, NAMESPACE, "log-reader-it-pods");
        logReader = CLUSTER.callerFor(withLogs);
        podReaderOnly = CLUSTER.callerFor(withoutLogs);
        RealCluster.eventually(() -> reader.read(logReader, request(true, Optional.of(1), Optional.empty())));
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static LogRequest request(boolean previous, Optional<Integer> tail, Optional<Integer> limitBytes) {
        return new LogRequest(
                new NamespaceName(NAMESPACE),
                new ObjectName(pod),
                "orders",
                previous,
                tail,
                Optional.empty(),
                limitBytes);
    }

    @Test
    @DisplayName("The previous instance's log, tailed by the API server")
    void previousTail() {
        String log = reader.read(logReader, request(true, Optional.of(2), Optional.empty()));

        assertThat(log.lines().toList())
                .containsExactly(
                        "dial tcp 10.96.0.42:5432: connect: connection refused",
                        "panic: cannot connect to database at db:5432");
    }

    @Test
    @DisplayName("The byte limit travels with the request, for the current and the previous instance")
    void byteLimit() {
        assertThat(reader.read(logReader, request(false, Optional.empty(), Optional.of(20))))
                .hasSizeLessThanOrEqualTo(20)
                .isNotEmpty();
        assertThat(reader.read(logReader, request(true, Optional.empty(), Optional.of(20))))
                .hasSizeLessThanOrEqualTo(20)
                .isNotEmpty();
    }

    @Test
    @DisplayName("Without pods/log, RBAC's refusal names the subresource and the pod")
    void forbidden() {
        assertThatThrownBy(() -> reader.read(podReaderOnly, request(false, Optional.of(5), Optional.empty())))
                .isInstanceOf(RequestFailedException.class)
                .hasMessageContaining("pods/log")
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.FORBIDDEN);
    }
}
