package io.kmcp.acceptance;

import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.kmcp.acceptance.driver.Measurements;
import io.kmcp.acceptance.driver.TestCluster;
import java.util.List;

/**
 * Scenarios tagged {@value TestCluster#WORKLOADS} run on the cluster whose workloads run, through the
 * k-mcp in front of it ({@link WorkloadsProduct}); {@link TargetHooks} has already skipped them on
 * any target but local. After the run, the measurements of the diagnoses are printed.
 */
public final class WorkloadHooks {

    private final World world;

    public WorkloadHooks(World world) {
        this.world = world;
    }

    @Before(value = TestCluster.WORKLOADS, order = 1)
    public void runOnTheClusterWithWorkloads(Scenario scenario) {
        if (TestCluster.checkedTarget().skips(scenario.getSourceTagNames()).isPresent()) {
            // TargetHooks skips it; nothing of the cluster with workloads may start on another target.
            return;
        }
        WorkloadsProduct product = WorkloadsProduct.get();
        world.runOn(product.cluster(), product.server());
    }

    @AfterAll
    public static void printMeasurements() {
        List<String> lines = Measurements.lines();
        if (lines.isEmpty()) {
            return;
        }
        System.err.printf(
                "[acceptance] what each diagnosis cost (%s):%n%s%n",
                Measurements.file(), String.join(System.lineSeparator(), lines));
    }
}
