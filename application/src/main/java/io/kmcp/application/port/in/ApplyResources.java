package io.kmcp.application.port.in;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ApplyApproval;

/**
 * Applies manifests with server-side apply: parse, policy check of every document, server-side dry
 * run, one confirmation of the whole plan, then apply in dependency order. Nothing is applied if a
 * check, a dry run or the confirmation fails.
 */
public interface ApplyResources {

    ApplyReport apply(Caller caller, ApplyCommand command, ApplyApproval approval);
}
