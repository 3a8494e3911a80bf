package io.kmcp.domain.redaction;

import io.kmcp.domain.resource.KubernetesObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces credentials in Kubernetes objects and in text by {@link RedactionMarker markers}.
 *
 * <p>In an object, a value is judged by its name where it has one: an env entry's {@code name} (in
 * every container list of every pod template, since the rule is the {@code name}/{@code value} pair),
 * a config map's data key, an annotation's key, any other field's key, a {@code --flag} before its
 * value in {@code args} or {@code command}. Every string anywhere is also searched for the {@link
 * ValueFormat value formats} and for {@code password=…}-style assignments, of which only the value is
 * hidden. References are no credentials and stay: {@code valueFrom}, paths, {@code $(VAR)}. The {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation, which repeats the whole object with its
 * values, is dropped.
 *
 * <p>Text (a log line, an event message) gets the value formats and assignments only.
 */
public final class Redactor {

    // Every repetition before a fixed part of a pattern is bounded, so that no text (a megabyte of
    // config map data, say) makes a search take quadratic time.

    /**
     * {@code name=value}, {@code name: value}, {@code "name": "value"}: a name starts where a run of
     * name characters starts, so each run is tried once; the name is judged in code.
     */
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64})[\"']?[ \\t]*[=:][ \\t]*"
                    + "(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"',;&<>]+)");

    private static final Pattern FLAG = Pattern.compile("--?([A-Za-z0-9][A-Za-z0-9_.-]*)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|Ki|Mi|Gi|[kKMG])?");
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(?s)\\$\\(.*\\)|\\$\\{.*}|\\{\\{.*}}|%\\(.*\\)s?|\\*+|x{3,}|X{3,}|<[^<>]*>");
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(RedactionMarker.PREFIX) + "[^>]*>");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");
    private static final Set<String> NOT_SECRETS =
            Set.of("true", "false", "yes", "no", "on", "off", "none", "null", "nil", "changeme-not-set");
    private static final double HIGH_ENTROPY_BITS = 3.5;

    private final RedactionMode mode;
    private final CredentialNames names;
    private final List<ValueFormat> formats;

    private Redactor(RedactionMode mode, CredentialNames names, List<ValueFormat> formats) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.names = names;
        this.formats = List.copyOf(formats);
    }

    /** The built-in rules in this mode. */
    public static Redactor of(RedactionMode mode) {
        return new Redactor(mode, CredentialNames.builtIn(), ValueFormat.BUILT_IN);
    }

    /**
     * The built-in rules and an operator's: names matching one of {@code namePatterns} are credentials
     * whatever their words, and text matching one of {@code valuePatterns} is hidden (its first group if
     * it has one).
     *
     * @throws io.kmcp.domain.InvalidInputException naming the first pattern that is no regular expression
     */
    public static Redactor configured(RedactionMode mode, List<String> namePatterns, List<String> valuePatterns) {
        List<Pattern> namesCompiled = new ArrayList<>();
        for (int i = 0; i < namePatterns.size(); i++) {
            namesCompiled.add(ValueFormat.compile("name pattern " + (i + 1), namePatterns.get(i)));
        }
        List<ValueFormat> all = new ArrayList<>(ValueFormat.BUILT_IN);
        for (int i = 0; i < valuePatterns.size(); i++) {
            all.add(ValueFormat.configured(i + 1, valuePatterns.get(i)));
        }
        return new Redactor(mode, CredentialNames.with(namesCompiled), all);
    }

    public RedactionMode mode() {
        return mode;
    }

    /** The object with its credentials replaced; the same instance when nothing was hidden. */
    public Redacted<Map<String, Object>> object(Map<String, Object> object) {
        Objects.requireNonNull(object, "object");
        if (mode == RedactionMode.OFF) {
            return new Redacted<>(object, List.of());
        }
        List<Redaction> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> redacted = (Map<String, Object>) walk("", object, found);
        return new Redacted<>(redacted, found);
    }

    /** The text with every value format and credential assignment replaced; the same instance when none. */
    public Redacted<String> text(String text) {
        Objects.requireNonNull(text, "text");
        if (mode == RedactionMode.OFF) {
            return new Redacted<>(text, List.of());
        }
        List<Redaction> found = new ArrayList<>();
        return new Redacted<>(inText("", text, found), found);
    }

    private Object walk(String path, Object value, List<Redaction> found) {
        if (value instanceof Map<?, ?> map) {
            return walkMap(path, map, found);
        }
        if (value instanceof List<?> list) {
            return walkList(path, list, found, false);
        }
        return value instanceof String text ? inText(path, text, found) : value;
    }

    private Map<?, ?> walkMap(String path, Map<?, ?> map, List<Redaction> found) {
        boolean configMap = "ConfigMap".equals(map.get("kind"));
        boolean metadata = path.equals("metadata") || path.endsWith(".metadata");
        Map<String, Object> result = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            String child = Paths.child(path, key);
            Object redacted;
            if (metadata && key.equals("annotations") && value instanceof Map<?, ?> annotations) {
                redacted = keyedMap(child, annotations, found, false, true);
            } else if (configMap && key.equals("data") && value instanceof Map<?, ?> data) {
                redacted = keyedMap(child, data, found, false, false);
            } else if (configMap && key.equals("binaryData") && value instanceof Map<?, ?> data) {
                redacted = keyedMap(child, data, found, true, false);
            } else if ((key.equals("args") || key.equals("command")) && value instanceof List<?> list) {
                redacted = walkList(child, list, found, true);
            } else if (key.equals("value") && map.get("name") instanceof String name && value instanceof String text) {
                redacted = keyed(child, name, text, found, true);
            } else if (value instanceof String text) {
                redacted = keyed(child, key, text, found, false);
            } else {
                redacted = walk(child, value, found);
            }
            changed |= redacted != value;
            result.put(key, redacted);
        }
        return changed ? Collections.unmodifiableMap(result) : map;
    }

    /** Annotations or config map data: every value judged by its key. */
    private Map<?, ?> keyedMap(String path, Map<?, ?> map, List<Redaction> found, boolean base64, boolean annotations) {
        Map<String, Object> result = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (annotations && key.equals(KubernetesObjects.LAST_APPLIED_ANNOTATION)) {
                // It repeats the object, values and all, as one JSON text: dropped rather than parsed.
                changed = true;
                continue;
            }
            String child = Paths.child(path, key);
            Object redacted;
            if (value instanceof String text) {
                redacted = base64 ? binary(child, key, text, found) : keyed(child, key, text, found, true);
            } else {
                redacted = walk(child, value, found);
            }
            changed |= redacted != value;
            result.put(key, redacted);
        }
        return changed ? Collections.unmodifiableMap(result) : map;
    }

    /** {@code args} and {@code command} also hide the value after a credential flag: {@code --password hunter2}. */
    private List<?> walkList(String path, List<?> list, List<Redaction> found, boolean arguments) {
        List<Object> result = new ArrayList<>(list.size());
        boolean changed = false;
        String credentialFlag = null;
        for (int i = 0; i < list.size(); i++) {
            Object value = list.get(i);
            String child = Paths.item(path, i);
            Object redacted;
            if (credentialFlag != null && value instanceof String text && !text.startsWith("-") && !notASecret(text)) {
                redacted = hide(child, Redaction.Rule.KEY_NAME, nameSuggests(credentialFlag), found);
            } else {
                redacted = walk(child, value, found);
            }
            credentialFlag = arguments && value instanceof String text && isCredentialFlag(text) ? text : null;
            changed |= redacted != value;
            result.add(redacted);
        }
        return changed ? Collections.unmodifiableList(result) : list;
    }

    private boolean isCredentialFlag(String argument) {
        Matcher flag = FLAG.matcher(argument);
        return flag.matches() && suggests(flag.group(1));
    }

    /** A value with a name: hidden whole if the name says so, else searched for formats. */
    private String keyed(String path, String name, String value, List<Redaction> found, boolean entropy) {
        if (names.matchesConfigured(name) && !value.isBlank() && !RedactionMarker.isIn(value)) {
            return hide(
                    path, Redaction.Rule.CONFIGURED, "the name " + name + " matches a configured name pattern", found);
        }
        if (names.suggestsCredential(name, mode)
                && (mode == RedactionMode.STRICT
                        ? !value.isBlank() && !RedactionMarker.isIn(value)
                        : !notASecret(value))) {
            return hide(path, Redaction.Rule.KEY_NAME, nameSuggests(name), found);
        }
        String redacted = inText(path, value, found);
        if (entropy && mode == RedactionMode.STRICT && redacted == value && looksRandom(value)) {
            return hide(path, Redaction.Rule.HIGH_ENTROPY, "a random-looking value (strict mode)", found);
        }
        return redacted;
    }

    /** Base64 config map data: hidden whole if its name or its decoded content says so. */
    private String binary(String path, String key, String base64, List<Redaction> found) {
        if (names.matchesConfigured(key) || names.suggestsCredential(key, mode)) {
            return hide(path, Redaction.Rule.KEY_NAME, nameSuggests(key), found);
        }
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return inText(path, base64, found);
        }
        List<Redaction> inside = new ArrayList<>();
        inText(path, decoded, inside);
        if (inside.isEmpty()) {
            return base64;
        }
        Redaction first = inside.get(0);
        return hide(path, first.rule(), "base64 of " + first.reason(), found);
    }

    private String inText(String path, String text, List<Redaction> found) {
        String result = text;
        for (ValueFormat format : formats) {
            if (format.mayOccurIn(result)) {
                result = replaceAll(path, result, format.pattern(), format.group(), found, match -> format);
            }
        }
        // An assignment needs its '=' or ':'; most strings (names, labels) have neither.
        if (result.indexOf('=') < 0 && result.indexOf(':') < 0) {
            return result;
        }
        return replaceAll(path, result, ASSIGNMENT, 2, found, this::assignmentFormat);
    }

    /** A {@code password=…} assignment counts only if its name does and its value is not evidently harmless. */
    private ValueFormat assignmentFormat(Matcher match) {
        String name = match.group(1);
        String value = unquoted(match.group(2));
        if (!suggests(name) || notASecret(value)) {
            return null;
        }
        return new ValueFormat(nameSuggests(name), ASSIGNMENT, 2, Redaction.Rule.KEY_NAME);
    }

    private String replaceAll(
            String path,
            String text,
            Pattern pattern,
            int group,
            List<Redaction> found,
            java.util.function.Function<Matcher, ValueFormat> judge) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = null;
        int copied = 0;
        while (matcher.find()) {
            int start = matcher.start(group);
            int end = matcher.end(group);
            if (start < 0 || start == end || insideMarker(text, start, end)) {
                continue;
            }
            String hidden = text.substring(start, end);
            ValueFormat format = judge.apply(matcher);
            if (format == null || PLACEHOLDER.matcher(unquoted(hidden)).matches()) {
                continue;
            }
            if (result == null) {
                result = new StringBuilder(text.length());
            }
            result.append(text, copied, start);
            result.append(hide(path, format.rule(), format.description(), found));
            copied = end;
        }
        if (result == null) {
            return text;
        }
        return result.append(text, copied, text.length()).toString();
    }

    private static boolean insideMarker(String text, int start, int end) {
        if (!text.contains(RedactionMarker.PREFIX)) {
            return false;
        }
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            if (start < marker.end() && end > marker.start()) {
                return true;
            }
        }
        return false;
    }

    private boolean suggests(String name) {
        return names.matchesConfigured(name) || names.suggestsCredential(name, mode);
    }

    private static String nameSuggests(String name) {
        return "the name " + name + " suggests a credential";
    }

    private static String hide(String path, Redaction.Rule rule, String reason, List<Redaction> found) {
        String marker = RedactionMarker.of(reason);
        found.add(new Redaction(path, rule, reason));
        return marker;
    }

    /**
     * Values under a credential name that are evidently no credential: empty, a flag, a number or
     * duration, a path to a mounted file, a reference to another variable or a template, a mask, or a
     * marker already.
     */
    private static boolean notASecret(String value) {
        String text = unquoted(value.strip());
        return text.isEmpty()
                || NOT_SECRETS.contains(text.toLowerCase(Locale.ROOT))
                || NUMBER.matcher(text).matches()
                || text.startsWith("/")
                || text.startsWith("./")
                || text.startsWith("~/")
                || text.startsWith("file:")
                || PLACEHOLDER.matcher(text).matches()
                || RedactionMarker.isIn(text);
    }

    private static String unquoted(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * One token of 20 characters or more, with upper case, lower case and digits, and at least {@value
     * #HIGH_ENTROPY_BITS} bits of entropy per character: what a generated password or key looks like,
     * and what hex digests, UUIDs and names do not.
     */
    static boolean looksRandom(String value) {
        String text = value.strip();
        if (!TOKEN.matcher(text).matches()
                || text.chars().noneMatch(Character::isUpperCase)
                || text.chars().noneMatch(Character::isLowerCase)
                || text.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        text.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits >= HIGH_ENTROPY_BITS;
    }
}
