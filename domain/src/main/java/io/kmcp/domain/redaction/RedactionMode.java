package io.kmcp.domain.redaction;

import io.kmcp.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much is hidden. */
public enum RedactionMode {

    /**
     * Values under a credential key name (unless they are evidently something else: a path, a number,
     * a flag, a reference to another variable) and every value of an unmistakable format, anywhere.
     */
    CREDENTIALS,

    /**
     * Everything {@link #CREDENTIALS} hides, plus every value under a key name with a credential word
     * whatever its shape or qualifier ({@code PASSWORD_FILE=/etc/pw} too), plus high-entropy tokens in
     * env values, config map data and annotations whatever their key: more hidden, more false positives.
     */
    STRICT,

    /** Nothing is hidden. */
    OFF;

    /** The mode named {@code credentials}, {@code strict} or {@code off}, in any case. */
    public static RedactionMode parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown redaction mode \"" + name + "\"; use one of "
                        + Arrays.stream(values()).map(RedactionMode::toString).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
