package io.kmcp.adapters.mcp.security;

/** Told of every request refused for its bearer token, with the reason only. */
@FunctionalInterface
public interface TokenRejectionObserver {

    /** Observes nothing. */
    TokenRejectionObserver NONE = rejection -> {};

    void rejected(TokenRejection rejection);
}
