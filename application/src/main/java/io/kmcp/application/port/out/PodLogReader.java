package io.kmcp.application.port.out;

import io.kmcp.application.Caller;

/**
 * Reads a container's log through the API server with the caller's token. Failures are thrown as
 * {@link io.kmcp.application.RequestFailedException}, like the other readers.
 */
public interface PodLogReader {

    /** The raw log text the API server returns for the request, already bounded by it. */
    String read(Caller caller, LogRequest request);
}
