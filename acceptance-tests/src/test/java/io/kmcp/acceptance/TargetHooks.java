package io.kmcp.acceptance;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.kmcp.acceptance.driver.TestCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips, before anything else of it runs, a scenario the run's cluster target cannot host: every
 * scenario on a target this machine lacks (k3s without a Docker engine), a scenario tagged
 * {@value TestCluster#LOCAL_ONLY} on any target but local. The reason goes to the output and to the
 * scenario's report.
 */
public final class TargetHooks {

    @Before(order = 0)
    public void skipWhatTheTargetCannotHost(Scenario scenario) {
        TestCluster.Target target = TestCluster.checkedTarget();
        target.skips(scenario.getSourceTagNames()).ifPresent(reason -> {
            String message = "skipped \"" + scenario.getName() + "\": " + reason;
            if (target.unavailable().isEmpty()) {
                // A whole run skipped for want of a Docker engine is said once, before its first scenario.
                System.err.println("[acceptance] " + message);
            }
            scenario.log(message);
            Assumptions.abort(message);
        });
    }
}
