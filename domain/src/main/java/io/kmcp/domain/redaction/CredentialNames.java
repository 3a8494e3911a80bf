package io.kmcp.domain.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a name (an env variable, a config map key, an annotation key, a flag) suggests that its
 * value is a credential: {@code DB_PASSWORD}, {@code api_token}, {@code apiKey}, {@code
 * example.com/private-key}. The name is split into words ({@code dbPassword} and {@code DB_PASSWORD}
 * both give {@code db password}); a credential word makes it suspicious, unless the last word says the
 * value is about the credential rather than the credential itself ({@code PASSWORD_FILE}, {@code
 * TOKEN_TTL}, {@code secretName}, {@code password-policy}).
 */
final class CredentialNames {

    private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])");

    private static final Set<String> CREDENTIAL_WORDS = Set.of(
            "password",
            "passwords",
            "passwd",
            "pwd",
            "pass",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "tokens",
            "credential",
            "credentials",
            "apikey",
            "apitoken",
            "privatekey",
            "accesskey",
            "secretkey");

    /** A word that makes the following {@code key} a credential: {@code API_KEY}, {@code signingKey}. */
    private static final Set<String> KEY_OWNERS = Set.of(
            "api",
            "private",
            "access",
            "encryption",
            "signing",
            "master",
            "ssh",
            "license",
            "client",
            "hmac",
            "session");

    /** A last word that makes the name about a credential, not the credential itself. */
    private static final Set<String> QUALIFIERS = Set.of(
            "file",
            "files",
            "path",
            "dir",
            "directory",
            "mount",
            "location",
            "ttl",
            "name",
            "names",
            "ref",
            "reference",
            "length",
            "len",
            "min",
            "max",
            "policy",
            "expiry",
            "expiration",
            "expires",
            "expire",
            "timeout",
            "seconds",
            "secs",
            "ms",
            "minutes",
            "hours",
            "days",
            "interval",
            "period",
            "duration",
            "lifetime",
            "url",
            "uri",
            "endpoint",
            "host",
            "port",
            "enabled",
            "enable",
            "disabled",
            "required",
            "type",
            "mode",
            "count",
            "size",
            "header",
            "version",
            "format",
            "id",
            "store",
            "provider",
            "issuer",
            "audience",
            "algorithm",
            "alg",
            "rotation",
            "hint",
            "label",
            "field",
            "source",
            "regex",
            "pattern",
            "strength",
            "complexity",
            "prefix",
            "suffix",
            "validation",
            "check",
            "kind",
            "scope",
            "scopes",
            "method",
            "namespace",
            "env");

    private final List<Pattern> configured;

    private CredentialNames(List<Pattern> configured) {
        this.configured = List.copyOf(configured);
    }

    static CredentialNames builtIn() {
        return new CredentialNames(List.of());
    }

    static CredentialNames with(List<Pattern> configured) {
        return new CredentialNames(Objects.requireNonNull(configured, "configured"));
    }

    /** True if the built-in words mark the name; in strict mode whatever its last word. */
    boolean suggestsCredential(String name, RedactionMode mode) {
        List<String> words = words(name);
        boolean credential = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            credential |= CREDENTIAL_WORDS.contains(word)
                    || (word.equals("key") && i > 0 && KEY_OWNERS.contains(words.get(i - 1)));
        }
        if (!credential || mode == RedactionMode.STRICT) {
            return credential;
        }
        return !QUALIFIERS.contains(words.get(words.size() - 1));
    }

    /** True if one of the operator's name patterns is found in the name. */
    boolean matchesConfigured(String name) {
        return configured.stream().anyMatch(pattern -> pattern.matcher(name).find());
    }

    /** The words of the key names seen, which repeat across objects; bounded, never evicting. */
    private static final int REMEMBERED_NAMES = 4096;

    private static final java.util.concurrent.ConcurrentMap<String, List<String>> WORDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The name's words in lower case: {@code dbPassword_FILE2} gives {@code db, password, file}. */
    static List<String> words(String name) {
        List<String> known = WORDS.get(name);
        if (known != null) {
            return known;
        }
        List<String> words = List.copyOf(split(name));
        if (WORDS.size() < REMEMBERED_NAMES) {
            WORDS.putIfAbsent(name, words);
        }
        return words;
    }

    private static List<String> split(String name) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(name);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
