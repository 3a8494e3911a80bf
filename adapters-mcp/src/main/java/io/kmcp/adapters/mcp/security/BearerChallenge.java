package io.kmcp.adapters.mcp.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * The answer to a request without an acceptable bearer token (RFC 6750 §3 with the RFC 9728
 * {@code resource_metadata} parameter): 401, {@code WWW-Authenticate: Bearer} naming the error when
 * there was a token, and a small JSON body with the same. Descriptions come from k-mcp's own checks;
 * a decoder's message is replaced by a fixed sentence, because parser messages may quote parts of the
 * token.
 */
final class BearerChallenge implements AuthenticationEntryPoint {

    static final String UNVERIFIABLE = "the token is malformed or its signature could not be verified";
    static final String MISSING = "a bearer token is required: send Authorization: Bearer <service-account token>";
    private static final int MAX_DESCRIPTION_LENGTH = 300;

    private final ProtectedResource resource;
    private final TokenRejectionObserver rejections;

    BearerChallenge(ProtectedResource resource) {
        this(resource, TokenRejectionObserver.NONE);
    }

    /** @param rejections told the reason of every refusal: every refused request passes here */
    BearerChallenge(ProtectedResource resource, TokenRejectionObserver rejections) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        rejections.rejected(TokenRejection.of(failure));
        Map<String, String> parameters = new LinkedHashMap<>();
        int status = HttpServletResponse.SC_UNAUTHORIZED;
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            parameters.put("error", error.getErrorCode());
            parameters.put("error_description", sanitize(describe(oauth)));
            if (error instanceof BearerTokenError bearer) {
                status = bearer.getHttpStatus().value();
            }
        } else if (!(failure instanceof InsufficientAuthenticationException)) {
            parameters.put("error", BearerTokenErrorCodes.INVALID_TOKEN);
            parameters.put("error_description", UNVERIFIABLE);
        }
        parameters.put("resource_metadata", sanitize(resource.metadataUrl(request)));
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", "Bearer " + header(parameters));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(parameters));
    }

    /** What was wrong, from k-mcp's checks when they failed, never a parser's message. */
    static String describe(OAuth2AuthenticationException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException validation) {
                return validation.getErrors().stream()
                        .map(OAuth2Error::getDescription)
                        .filter(StringUtils::hasText)
                        .distinct()
                        .collect(Collectors.joining("; "));
            }
            if (cause instanceof JwtException) {
                return UNVERIFIABLE;
            }
        }
        String description = failure.getError().getDescription();
        return StringUtils.hasText(description) ? description : UNVERIFIABLE;
    }

    /** Fits a quoted-string of a header: no quotes, backslashes or control characters, bounded. */
    static String sanitize(String text) {
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < text.length() && clean.length() < MAX_DESCRIPTION_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                clean.append('\'');
            } else if (c < 0x20 || c >= 0x7f) {
                clean.append(' ');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static String header(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(", "));
    }

    /** The same, for people reading the body; the values are sanitized, so they need no escaping. */
    private static String body(Map<String, String> parameters) {
        Map<String, String> fields = new LinkedHashMap<>(parameters);
        if (!fields.containsKey("error")) {
            fields.put("message", MISSING);
        }
        return fields.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
