package io.kmcp.application.service;

import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label and field selectors as the API server reads them, enough for the in-memory cluster to select
 * what a real one would: equality ({@code =}, {@code ==}, {@code !=}), sets ({@code in}, {@code
 * notin}) and existence ({@code key}, {@code !key}) for labels; equality on a dotted path for fields.
 */
final class FakeSelectors {

    private static final Pattern SET = Pattern.compile("\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*");
    private static final Pattern EQUALITY = Pattern.compile("\\s*([^\\s!=]+)\\s*(==|=|!=)\\s*([^\\s]*)\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)([^\\s!=()]+)\\s*");

    private FakeSelectors() {}

    static boolean matches(Map<String, Object> object, Optional<LabelSelector> labels, Optional<FieldSelector> fields) {
        return labels.map(selector -> labelsMatch(labelsOf(object), selector.value()))
                        .orElse(true)
                && fields.map(selector -> fieldsMatch(object, selector.value())).orElse(true);
    }

    private static boolean labelsMatch(Map<?, ?> labels, String selector) {
        for (String term : terms(selector)) {
            Matcher set = SET.matcher(term);
            Matcher equality = EQUALITY.matcher(term);
            Matcher exists = EXISTS.matcher(term);
            if (set.matches()) {
                Set<String> values = Set.copyOf(Arrays.stream(set.group(3).split(","))
                        .map(String::strip)
                        .toList());
                boolean in =
                        labels.containsKey(set.group(1)) && values.contains(String.valueOf(labels.get(set.group(1))));
                if (set.group(2).equals("in") != in) {
                    return false;
                }
            } else if (equality.matches()) {
                boolean equal = equality.group(3).equals(labels.get(equality.group(1)));
                if (equality.group(2).equals("!=") == equal) {
                    return false;
                }
            } else if (exists.matches()) {
                if (exists.group(1).isEmpty() != labels.containsKey(exists.group(2))) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("the fake cannot read the label selector term " + term);
            }
        }
        return true;
    }

    private static boolean fieldsMatch(Map<String, Object> object, String selector) {
        for (String term : terms(selector)) {
            Matcher equality = EQUALITY.matcher(term);
            if (!equality.matches()) {
                throw new IllegalArgumentException("the fake cannot read the field selector term " + term);
            }
            boolean equal = equality.group(3).equals(fieldOf(object, equality.group(1)));
            if (equality.group(2).equals("!=") == equal) {
                return false;
            }
        }
        return true;
    }

    /** The terms of a selector: split at commas, except those inside a set's parentheses. */
    private static List<String> terms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    private static Map<?, ?> labelsOf(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> metadata
                        && metadata.get("labels") instanceof Map<?, ?> labels
                ? labels
                : Map.of();
    }

    /** The field at a dotted path, as text; a field that is not there reads as empty, as the API server reads it. */
    private static String fieldOf(Map<String, Object> object, String path) {
        Object value = object;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return value == null ? "" : String.valueOf(value);
    }
}
