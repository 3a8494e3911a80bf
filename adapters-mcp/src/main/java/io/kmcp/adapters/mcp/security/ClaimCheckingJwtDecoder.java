package io.kmcp.adapters.mcp.security;

import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Runs k-mcp's claim checks after any decoder: whatever the decoder supplied by the wiring verifies
 * (signature, issuer), a token reaches no use case without passing {@link TokenClaimsValidator}.
 */
final class ClaimCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;

    ClaimCheckingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(description, result.getErrors());
        }
        return jwt;
    }
}
