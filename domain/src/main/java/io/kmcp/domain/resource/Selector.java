package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.Texts;

/** Checks shared by label and field selectors; their syntax is left to the API server. */
public final class Selector {

    /** The longest selector accepted, label or field. */
    public static final int MAX_LENGTH = 1024;

    private Selector() {}

    static String validated(String kind, String example, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The " + kind + " is empty; leave it out to select everything, or"
                    + " write one such as " + example + ".");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("The " + kind + " is " + value.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted. Select with fewer terms.");
        }
        if (Texts.hasControlCharacter(value)) {
            throw new InvalidInputException("The " + kind + " " + Texts.quote(value)
                    + " contains a control character (newline, tab …); write it on one line, e.g. " + example + ".");
        }
        return value.strip();
    }
}
