package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** Lists objects of one type, a page at a time, with restricted types refused. */
public interface ListResources {

    ResourceList list(Caller caller, ListResourcesQuery query);
}
