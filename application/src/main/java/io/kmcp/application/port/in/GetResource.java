package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** Reads one object, with restricted types refused and a missing namespace named as such. */
public interface GetResource {

    ResourceDetail get(Caller caller, GetResourceQuery query);
}
