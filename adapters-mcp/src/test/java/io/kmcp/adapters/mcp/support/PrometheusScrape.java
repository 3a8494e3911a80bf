package io.kmcp.adapters.mcp.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of {@code /actuator/prometheus}, parsed as the text exposition format: each sample line
 * is a name, its labels and a value, so that tests compare numbers, not substrings.
 */
public final class PrometheusScrape {

    /** One line: {@code name{label="value",...} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new PrometheusScrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum of the samples of this name that carry these labels (others may differ); 0 without any. */
    public double value(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.has(labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Whether any sample of this name carries these labels. */
    public boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && sample.has(labels));
    }

    /** Every label value of every sample. */
    public List<String> labelValues() {
        return samples.stream()
                .flatMap(sample -> sample.labels().values().stream())
                .toList();
    }

    private static Sample sample(String line) {
        int braces = line.indexOf('{');
        int space = line.indexOf(' ');
        if (braces < 0 || braces > space) {
            return new Sample(line.substring(0, space), Map.of(), number(line.substring(space + 1)));
        }
        String name = line.substring(0, braces);
        Map<String, String> labels = new LinkedHashMap<>();
        int i = braces + 1;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            if (line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("a label value is not quoted: " + line);
            }
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return new Sample(name, labels, number(line.substring(i + 1).strip()));
    }

    /** The value, without the optional timestamp after it. */
    private static double number(String rest) {
        String value = rest.split(" ")[0];
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
