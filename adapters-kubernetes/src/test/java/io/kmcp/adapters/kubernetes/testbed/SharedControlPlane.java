package io.kmcp.adapters.kubernetes.testbed;

/**
 * One control plane per test JVM, started on first use and stopped when the JVM exits. Tests that
 * share it keep apart by using namespaces and service accounts of their own.
 */
public final class SharedControlPlane {

    private static LocalControlPlane instance;

    private SharedControlPlane() {}

    public static synchronized LocalControlPlane get() {
        if (instance == null) {
            instance = LocalControlPlane.start("shared");
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "k-mcp-test-bed-stop"));
        }
        return instance;
    }
}
