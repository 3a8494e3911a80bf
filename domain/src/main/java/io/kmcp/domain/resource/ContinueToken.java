package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.Texts;
import java.util.Optional;

/** The opaque token of the API server that asks for the next page of a list. */
public record ContinueToken(String value) {

    /** Real tokens are a few hundred characters; anything much longer was not issued by a server. */
    public static final int MAX_LENGTH = 4096;

    public ContinueToken {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The continue token is empty; leave it out for the first page, or pass"
                    + " the token the previous page returned.");
        }
        if (value.length() > MAX_LENGTH || Texts.hasControlCharacter(value) || !value.equals(value.strip())) {
            throw new InvalidInputException("The continue token is malformed; pass the token the previous page"
                    + " returned, unchanged, or leave it out to start again from the first page.");
        }
    }

    /** None for {@code null} or blank text. */
    public static Optional<ContinueToken> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new ContinueToken(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
