package io.kmcp.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The budget measured to the character: what fits exactly is kept, one character more is cut. */
@DisplayName("A report at the very edge of its budget")
class ReportBoundsTest {

    private static List<String> lines(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (prefix + i + " ").repeat(30).substring(0, 30))
                .toList();
    }

    private static Report report(Section... sections) {
        Report.Builder builder = Report.builder();
        for (Section section : sections) {
            builder.section(section);
        }
        return builder.build();
    }

    private static Report threeSections() {
        return report(
                new Section("Findings", 0, lines("f", 2), ""),
                new Section("Pods", 1, lines("p", 4), "call resource_list"),
                new Section("Events", 2, lines("e", 4), "call events_list"));
    }

    @Test
    @DisplayName("a whole text one character over the budget is cut; at the budget it is not")
    void oneCharacterOver() {
        Report report = threeSections();
        String whole = report.render(new CharBudget(CharBudget.MAX)).text();

        Rendered atBudget = report.render(new CharBudget(whole.length()));
        Rendered over = report.render(new CharBudget(whole.length() - 1));

        assertThat(atBudget).isEqualTo(new Rendered(whole, false, 0));
        assertThat(over.truncated()).isTrue();
        assertThat(over.text()).hasSizeLessThanOrEqualTo(whole.length() - 1);
        assertThat(over.text())
                .as("one line less would not do: its marker is longer than the line")
                .endsWith(lines("e", 2).get(1) + "\n… 2 more lines omitted: call events_list");
        assertThat(over.omittedLines()).isEqualTo(2);
    }

    @Test
    @DisplayName("a cut text exactly as long as the budget keeps every line that fits, and no final marker")
    void cutToExactly() {
        String expected = "## Findings\n"
                + String.join("\n", lines("f", 2))
                + "\n\n## Pods\n"
                + lines("p", 1).get(0)
                + "\n… 3 more lines omitted: call resource_list"
                + "\n\n## Events\n… 4 more lines omitted: call events_list";

        Rendered rendered = threeSections().render(new CharBudget(expected.length()));

        assertThat(rendered).isEqualTo(new Rendered(expected, true, 7));
    }

    @Test
    @DisplayName("a section with neither title nor lines takes no room, not even a separating blank line")
    void emptyUntitledSection() {
        String line = "x".repeat(CharBudget.MIN - "## T\n".length());

        Rendered rendered = report(new Section("T", 0, List.of(line), "hint"), new Section("", 1, List.of(), "hint"))
                .render(new CharBudget(CharBudget.MIN));

        assertThat(rendered).isEqualTo(new Rendered("## T\n" + line, false, 0));
    }

    @Test
    @DisplayName("the final marker follows the last whole line that leaves room for it, never one character more")
    void finalMarkerRoom() {
        int max = CharBudget.MIN;
        String marker = String.format(Report.FINAL_MARKER, max);
        Section tail = new Section("T".repeat(150), 0, List.of("y"), "");

        // "## " + title ends one character too late for a newline and the marker to fit after it.
        Rendered tooLong = report(new Section("A".repeat(max - marker.length() - 3), 0, List.of("x"), ""), tail)
                .render(new CharBudget(max));
        // One character shorter, the title and the marker fill the budget exactly.
        String title = "B".repeat(max - marker.length() - 4);
        Rendered exact = report(new Section(title, 0, List.of("x"), ""), tail).render(new CharBudget(max));

        assertThat(tooLong).isEqualTo(new Rendered(marker, true, 2));
        assertThat(exact).isEqualTo(new Rendered("## " + title + "\n" + marker, true, 2));
        assertThat(exact.text()).hasSize(max);
    }
}
