package io.kmcp.application.port.in;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.WaitProgress;

/**
 * Follows objects applied a moment ago until each is ready (rolled out, complete, Ready), fails in a
 * way no wait mends, or the time is up; a workload that failed or ran out of time is diagnosed, so
 * the answer names the cause instead of a bare timeout.
 */
public interface AwaitReadiness {

    ReadinessReport await(Caller caller, ReadinessQuery query, WaitProgress progress);
}
