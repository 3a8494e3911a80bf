package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.budget.Report;
import io.kmcp.domain.budget.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code maxChars} argument every tool takes, and the text answer built on the domain's {@link
 * Report}: sections in display order, each with a priority (lower is kept longer) and a hint for
 * what its truncation marker tells the agent to call. Truncation is the domain's: deterministic,
 * least important lines first, never over the budget.
 */
final class Budgets {

    static final String ARGUMENT = "maxChars";

    /** The headline and what an agent must do next: cut last. */
    static final int HEADLINE = 0;

    /** Sections of this priority or more important are essential: routine detail is left out for them. */
    static final int ESSENTIAL = 1;

    private final List<Section> sections = new ArrayList<>();

    /** A section; one without lines is left out, title included. */
    Budgets section(String title, int priority, List<String> lines, String omissionHint) {
        if (!lines.isEmpty()) {
            sections.add(new Section(title, priority, List.copyOf(lines), omissionHint));
        }
        return this;
    }

    /**
     * The domain's rendering, with one refinement: when the budget is too small for the whole of
     * every essential section (the headline, findings, gaps), the routine sections are left out
     * whole, least important first, and one line names them, instead of each keeping a title and a
     * truncation marker that crowd the essentials out.
     */
    Rendered render(CharBudget budget) {
        List<Section> droppable = sections.stream()
                .filter(section -> section.priority() > ESSENTIAL)
                .sorted(Comparator.comparingInt(Section::priority)
                        .thenComparingInt(sections::indexOf)
                        .reversed())
                .toList();
        List<Section> dropped = new ArrayList<>();
        while (true) {
            List<Section> shown = new ArrayList<>(sections);
            shown.removeAll(dropped);
            if (!dropped.isEmpty()) {
                shown.add(new Section("", HEADLINE, List.of(leftOut(dropped, budget)), raise(budget)));
            }
            Report.Builder report = Report.builder();
            shown.forEach(report::section);
            Rendered rendered = report.build().render(budget);
            if (!rendered.truncated() || essentialsShown(rendered.text()) || dropped.size() == droppable.size()) {
                return dropped.isEmpty()
                        ? rendered
                        : new Rendered(
                                rendered.text(),
                                true,
                                rendered.omittedLines()
                                        + dropped.stream()
                                                .mapToInt(section ->
                                                        section.lines().size())
                                                .sum());
            }
            dropped.add(droppable.get(dropped.size()));
        }
    }

    /** Lines are cut from the end of a section: its last line shown means all of it is. */
    private boolean essentialsShown(String text) {
        return sections.stream()
                .filter(section -> section.priority() <= ESSENTIAL)
                .allMatch(section -> (sections.indexOf(section) == 0
                                ? text.startsWith(section.lines().get(0))
                                : text.contains(section.lines().get(0)))
                        && text.contains(section.lines().get(section.lines().size() - 1)));
    }

    private static String leftOut(List<Section> dropped, CharBudget budget) {
        return "… left out to fit maxChars=" + budget.maxChars() + ": "
                + dropped.stream()
                        .sorted(Comparator.comparingInt(Section::priority))
                        .map(section -> section.title().isEmpty() ? "detail" : section.title())
                        .distinct()
                        .collect(Collectors.joining(", "))
                + "; " + raise(budget);
    }

    /** A larger budget to suggest: twice the current one, within the bounds. */
    static int larger(CharBudget budget) {
        return (int) Math.min(CharBudget.MAX, Math.max(2L * budget.maxChars(), CharBudget.DEFAULT));
    }

    /** {@code call again with the same arguments and maxChars=16000} (or the bound reached). */
    static String raise(CharBudget budget) {
        return budget.maxChars() >= CharBudget.MAX
                ? "the answer is longer than maxChars allows; narrow the query"
                : "call again with the same arguments and maxChars=" + larger(budget);
    }

    /** A call an agent can copy: {@code events_list {"namespace": "shop", "type": "Warning"}}. */
    static String call(String tool, Map<String, ?> arguments) {
        return tool + " "
                + arguments.entrySet().stream()
                        .map(entry -> json(entry.getKey()) + ": " + jsonValue(entry.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Arguments in the order given. */
    static Map<String, Object> arguments(Object... keysAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return arguments;
    }

    private static String jsonValue(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : json(String.valueOf(value));
    }

    static String json(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').appendCodePoint(c);
            } else if (c < 0x20
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.getType(c) == Character.FORMAT
                    || Character.isISOControl(c)) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.appendCodePoint(c);
            }
        });
        return json.append('"').toString();
    }
}
