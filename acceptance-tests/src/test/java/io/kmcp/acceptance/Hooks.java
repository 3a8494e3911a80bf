package io.kmcp.acceptance;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;

/** Closes the scenario's MCP connections; its namespaces stay, named for it alone. */
public final class Hooks {

    private static final int LOG_TAIL_LINES = 40;

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @After
    public void disconnectAgents(Scenario scenario) {
        world.close();
        if (scenario.isFailed()) {
            // What k-mcp logged is often the quickest way to see why a scenario failed.
            // The scenario's own k-mcp: the run's, or the one in front of the cluster with workloads.
            String[] lines = world.server().log().split("\n");
            String tail = String.join(
                    "\n",
                    java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
            scenario.log("k-mcp's log, last " + LOG_TAIL_LINES + " lines:\n" + tail);
        }
    }
}
