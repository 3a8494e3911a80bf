package io.kmcp.adapters.mcp.security;

import io.kmcp.application.Caller;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated MCP request: its principal is the {@link Caller} the use cases need. The token
 * travels inside the caller (whose {@code toString} redacts it); {@link #getCredentials()} is empty so
 * that nothing generic in Spring Security handles the secret.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Caller caller;

    public CallerAuthentication(Caller caller) {
        super(List.of());
        this.caller = Objects.requireNonNull(caller, "caller");
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    /**
     * Who owns what this request creates (an MCP session): the subject on its cluster, since the same
     * service-account name on two clusters is two identities.
     */
    public String owner() {
        return caller.cluster() + "/" + caller.subject();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && caller.equals(that.caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
