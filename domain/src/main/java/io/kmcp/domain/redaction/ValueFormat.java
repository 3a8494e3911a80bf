package io.kmcp.domain.redaction;

import io.kmcp.domain.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A format a credential has whatever name it sits under: a PEM private key, an AWS access key id, a
 * JWT, a provider's token prefix, the password of a URL. Only the matched group is hidden, so {@code
 * postgres://app:<redacted …>@db:5432/shop} still says where the database is.
 *
 * @param description what the value is, in the marker's words ("a PEM private key")
 * @param pattern found anywhere in a text
 * @param group the part that is hidden: 0 for the whole match
 * @param clues texts of which every match contains one, compared ignoring case: a text without any is
 *     not searched (most strings of an object are names, labels and times, and a regular expression per
 *     format and per string was a quarter of a list's CPU). None: every text is searched.
 */
public record ValueFormat(String description, Pattern pattern, int group, Redaction.Rule rule, List<String> clues) {

    /** A format searched for in every text: an operator's pattern, whose matches nothing is known of. */
    public ValueFormat(String description, Pattern pattern, int group, Redaction.Rule rule) {
        this(description, pattern, group, rule, List.of());
    }

    public ValueFormat {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(rule, "rule");
        clues = List.copyOf(clues);
        if (group < 0 || group > pattern.matcher("").groupCount()) {
            throw new IllegalArgumentException("no group " + group + " in " + pattern);
        }
    }

    /** The built-in formats, most specific first. */
    public static final List<ValueFormat> BUILT_IN = List.of(
            builtIn(
                    "a PEM private key",
                    "(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?:"
                            + " BLOCK)?-----|\\z)",
                    0,
                    "PRIVATE KEY"),
            builtIn("a JSON Web Token", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", 0, "eyJ"),
            builtIn(
                    "an AWS access key id",
                    "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b",
                    0,
                    "AKIA",
                    "ASIA",
                    "ABIA",
                    "ACCA"),
            builtIn(
                    "a GitHub token",
                    "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})",
                    0,
                    "ghp_",
                    "gho_",
                    "ghu_",
                    "ghs_",
                    "ghr_",
                    "github_pat_"),
            builtIn("a GitLab token", "\\bglpat-[A-Za-z0-9_-]{20,}", 0, "glpat-"),
            builtIn("a Slack token", "\\bxox[abposre]-[A-Za-z0-9-]{10,}", 0, "xox"),
            builtIn(
                    "a Slack webhook URL",
                    "https://hooks\\.slack\\.com/services/[A-Za-z0-9/]+",
                    0,
                    "hooks.slack.com/services/"),
            builtIn("a Stripe secret key", "\\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}", 0, "k_live_", "k_test_"),
            builtIn("a Google API key", "\\bAIza[0-9A-Za-z_-]{35}", 0, "AIza"),
            builtIn("a bearer token", "(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{16,}=*)", 1, "bearer"),
            builtIn(
                    "a password in a URL",
                    "\\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s:/@<>]{1,256}:([^\\s/@<>]{1,256})@",
                    1,
                    "://"));

    /**
     * An operator's pattern: the first group is hidden if it has one, else the whole match.
     *
     * @param number its place among the configured patterns, from 1, which the marker names
     * @throws InvalidInputException if the pattern is not a regular expression, saying where
     */
    public static ValueFormat configured(int number, String regex) {
        Pattern pattern = compile("value pattern " + number, regex);
        return new ValueFormat(
                "matches configured value pattern " + number,
                pattern,
                pattern.matcher("").groupCount() > 0 ? 1 : 0,
                Redaction.Rule.CONFIGURED);
    }

    static Pattern compile(String what, String regex) {
        if (regex == null || regex.isBlank()) {
            throw new InvalidInputException(what + " is empty; give a regular expression or remove it");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(what + " \"" + regex + "\" is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Whether a match could be in the text: it holds one of the clues, or there are none. */
    public boolean mayOccurIn(String text) {
        if (clues.isEmpty()) {
            return true;
        }
        for (String clue : clues) {
            if (containsIgnoringCase(text, clue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text holds the clue, ASCII letters compared ignoring case, as the formats' expressions
     * compare them. The first character is compared alone before the rest: this runs for every string.
     */
    static boolean containsIgnoringCase(String text, String clue) {
        char lower = Character.toLowerCase(clue.charAt(0));
        char upper = Character.toUpperCase(clue.charAt(0));
        for (int at = 0; at <= text.length() - clue.length(); at++) {
            char first = text.charAt(at);
            if ((first == lower || first == upper) && text.regionMatches(true, at, clue, 0, clue.length())) {
                return true;
            }
        }
        return false;
    }

    private static ValueFormat builtIn(String description, String regex, int group, String... clues) {
        return new ValueFormat(description, Pattern.compile(regex), group, Redaction.Rule.VALUE_FORMAT, List.of(clues));
    }
}
