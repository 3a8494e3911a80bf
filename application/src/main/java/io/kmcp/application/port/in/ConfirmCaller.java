package io.kmcp.application.port.in;

import io.kmcp.application.Caller;

/**
 * Confirms, with the caller's API server, that a verified token is still honoured and belongs to the
 * subject it names. Optional hardening: off by default, on with {@code --verify-with-apiserver}.
 */
public interface ConfirmCaller {

    /**
     * @throws io.kmcp.application.RequestFailedException with {@code UNAUTHORIZED} if the API server no
     *     longer accepts the token, or accepts it as someone else
     */
    void confirm(Caller caller);
}
