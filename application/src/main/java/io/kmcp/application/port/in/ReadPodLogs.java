package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** The tail of one container's log, filtered and bounded. */
public interface ReadPodLogs {

    PodLogs read(Caller caller, PodLogsQuery query);
}
