package io.kmcp.adapters.kubernetes.testbed;

/**
 * One control plane per test JVM, started on first use and stopped when the JVM exits. Tests that
 * share it keep apart by using namespaces and service accounts of their own.
 *
 * <p>{@link #get()} is the API server alone; {@link #withWorkloads()} is a second, separate control
 * plane that also runs controllers, scheduler and kwok. They are kept apart because controllers
 * change what every test would observe (default service accounts and {@code kube-root-ca.crt} in
 * each namespace, aggregated ClusterRoles, events, nodes).
 */
public final class SharedControlPlane {

    private static LocalControlPlane instance;
    private static LocalControlPlane withWorkloads;

    private SharedControlPlane() {}

    public static synchronized LocalControlPlane get() {
        if (instance == null) {
            instance = LocalControlPlane.start("shared");
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "k-mcp-test-bed-stop"));
        }
        return instance;
    }

    /** The shared control plane with workloads: Deployments get pods, pods run on fake nodes, logs are served. */
    public static synchronized LocalControlPlane withWorkloads() {
        if (withWorkloads == null) {
            withWorkloads = LocalControlPlane.startWithWorkloads("shared-workloads");
            Runtime.getRuntime().addShutdownHook(new Thread(withWorkloads::close, "k-mcp-test-bed-workloads-stop"));
        }
        return withWorkloads;
    }
}
