package io.kmcp.acceptance;

import static io.cucumber.junit.platform.engine.Constants.FILTER_NAME_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.acceptance.driver.AuditLog;
import io.kmcp.acceptance.driver.TestCluster;
import java.util.List;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every feature under {@code features/}, run by Failsafe against the real jar, a real MCP client and a
 * real cluster ({@code -Dkmcp.cluster=local|kind|k3s}, see {@link TestCluster}). Scenarios tagged
 * {@value #KNOWN_DEFECT} pin a defect of the product and are left out unless asked for
 * ({@code -Dcucumber.filter.tags=@known-defect}). After the last scenario the API server's audit log is
 * read once more: k-mcp sent requests, and not one of them was a delete.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.kmcp.acceptance")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary, progress")
public class AcceptanceIT {

    static final String KNOWN_DEFECT = "@known-defect";

    /** The tag filter of a whole run, as the pom sets it. */
    static final String DEFAULT_FILTER = "not " + KNOWN_DEFECT;

    @BeforeSuite
    static void targetIsUsable() {
        TestCluster.Target target = TestCluster.checkedTarget();
        System.err.println("[acceptance] cluster target: " + target.name());
        target.unavailable()
                .ifPresent(reason -> System.err.println("[acceptance] " + reason + ", so the features were skipped"));
    }

    @AfterSuite
    static void noRequestFromKmcpEverDeleted() {
        if (TestCluster.checkedTarget().unavailable().isPresent()) {
            // No scenario ran, so no request of k-mcp's is there to check.
            return;
        }
        Product product = Product.started()
                .orElseThrow(() -> new AssertionError("k-mcp never started, so nothing shows that it never deletes"));
        List<AuditLog.Entry> fromKmcp = product.cluster().auditLog().all().stream()
                .filter(AuditLog.Entry::fromKmcp)
                .toList();
        if (wholeSuite()) {
            // Without k-mcp's own writes in the log, finding no delete among its requests would prove little.
            assertThat(fromKmcp)
                    .as("requests k-mcp sent the API server during the suite")
                    .anyMatch(entry -> entry.verb().equals("patch"));
        }
        assertThat(fromKmcp)
                .as("deletions k-mcp sent the API server during the suite")
                .noneMatch(AuditLog.Entry::isDeletion);
        System.err.printf(
                "[acceptance] audit log: %d requests from k-mcp, none of them delete or deletecollection%n",
                fromKmcp.size());
        TwoClusterProduct.started().ifPresent(two -> {
            TestCluster second = two.cluster(TwoClusterProduct.WEST);
            List<AuditLog.Entry> fromKmcpOnSecond = second.auditLog().all().stream()
                    .filter(AuditLog.Entry::fromKmcp)
                    .toList();
            assertThat(fromKmcpOnSecond)
                    .as("deletions k-mcp sent %s during the suite", second.description())
                    .noneMatch(AuditLog.Entry::isDeletion);
            System.err.printf(
                    "[acceptance] audit log of the second cluster: %d requests from k-mcp, none of them delete or"
                            + " deletecollection%n",
                    fromKmcpOnSecond.size());
        });
        noDeletionOnTheClusterWithWorkloads();
    }

    private static void noDeletionOnTheClusterWithWorkloads() {
        WorkloadsProduct.started().ifPresent(workloads -> {
            TestCluster cluster = workloads.cluster();
            List<AuditLog.Entry> fromKmcp = cluster.auditLog().all().stream()
                    .filter(AuditLog.Entry::fromKmcp)
                    .toList();
            assertThat(fromKmcp)
                    .as("deletions k-mcp sent %s during the suite", cluster.description())
                    .noneMatch(AuditLog.Entry::isDeletion);
            System.err.printf(
                    "[acceptance] audit log of the cluster with workloads: %d requests from k-mcp, none of them delete"
                            + " or deletecollection%n",
                    fromKmcp.size());
        });
    }

    /** False when a run picks some scenarios only, which may not make k-mcp write anything. */
    private static boolean wholeSuite() {
        String tags = System.getProperty(FILTER_TAGS_PROPERTY_NAME, "").strip();
        return (tags.isEmpty() || tags.equals(DEFAULT_FILTER))
                && System.getProperty(FILTER_NAME_PROPERTY_NAME, "").isBlank();
    }
}
