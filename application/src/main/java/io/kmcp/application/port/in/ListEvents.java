package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** Events, deduplicated and counted, warnings first, newest first, bounded. */
public interface ListEvents {

    EventList list(Caller caller, EventsQuery query);
}
