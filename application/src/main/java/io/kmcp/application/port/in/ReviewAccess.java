package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/** Who the caller is and what it may do: RBAC's answer, with what k-mcp itself never offers marked. */
public interface ReviewAccess {

    AccessReport review(Caller caller, AccessReviewQuery query);
}
