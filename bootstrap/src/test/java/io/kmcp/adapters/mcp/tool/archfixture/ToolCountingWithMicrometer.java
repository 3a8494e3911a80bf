package io.kmcp.adapters.mcp.tool.archfixture;

import io.micrometer.core.instrument.Metrics;

/** Deliberately broken: a tool that counts its calls with Micrometer instead of telling its observer. */
public class ToolCountingWithMicrometer {
    public void call() {
        Metrics.counter("kmcp.tool.calls", "tool", "resource_list").increment();
    }
}
