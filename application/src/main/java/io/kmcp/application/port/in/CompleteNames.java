package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/**
 * Completes what a person is typing into a form: a resource type, a namespace, or the name of an
 * object. It reads with the caller's own token, so it offers only what the caller may list, never a
 * restricted type or its objects, and answers with nothing (never a failure) when the caller cannot
 * list what was asked.
 */
public interface CompleteNames {

    Completion complete(Caller caller, CompletionQuery query);
}
