package io.kmcp.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A report rendered within a character budget")
class ReportTest {

    private static List<String> lines(String prefix, int count, int length) {
        return IntStream.range(0, count)
                .mapToObj(i -> (prefix + i + " ").repeat(length).substring(0, length))
                .toList();
    }

    private static Rendered render(int maxChars, Section... sections) {
        Report.Builder builder = Report.builder();
        for (Section section : sections) {
            builder.section(section);
        }
        return builder.build().render(new CharBudget(maxChars));
    }

    @Nested
    @DisplayName("when everything fits")
    class Fits {

        @Test
        @DisplayName("titles as '## title', sections apart by one blank line, no trailing blank line")
        void layout() {
            Rendered rendered = Report.builder()
                    .section("Summary", 0, List.of("Deployment shop/web: 1/3 replicas ready"), "")
                    .section("", 1, List.of("untitled line"), "")
                    .section("Events", 2, List.of("BackOff ×12", "Failed ×3"), "call events_list")
                    .build()
                    .render(CharBudget.of(Optional.empty()));

            assertThat(rendered.text()).isEqualTo("""
                            ## Summary
                            Deployment shop/web: 1/3 replicas ready

                            untitled line

                            ## Events
                            BackOff ×12
                            Failed ×3""");
            assertThat(rendered.truncated()).isFalse();
            assertThat(rendered.omittedLines()).isZero();
        }

        @Test
        @DisplayName("a section without lines shows its title alone; one without title nor lines shows nothing")
        void emptySections() {
            Rendered rendered = render(
                    200,
                    new Section("Findings", 0, List.of(), ""),
                    new Section("", 0, List.of(), "hint"),
                    new Section("Pods", 1, List.of("web-a Running"), ""));

            assertThat(rendered.text()).isEqualTo("## Findings\n\n## Pods\nweb-a Running");
        }

        @Test
        @DisplayName("an empty report is an empty text")
        void empty() {
            assertThat(Report.builder().build().render(new CharBudget(200))).isEqualTo(new Rendered("", false, 0));
        }

        @Test
        @DisplayName("a text exactly as long as the budget is not cut")
        void exactly() {
            String line = "x".repeat(200 - "## T\n".length());

            Rendered rendered = render(200, new Section("T", 0, List.of(line), "hint"));

            assertThat(rendered.text()).hasSize(200);
            assertThat(rendered.truncated()).isFalse();
        }
    }

    @Nested
    @DisplayName("when it does not fit")
    class Cut {

        @Test
        @DisplayName("the least important section loses lines from its end first, and says how to get them")
        void leastImportantFirst() {
            Rendered rendered = render(
                    430,
                    new Section("Findings", 0, lines("f", 3, 40), "call workload_diagnose"),
                    new Section("Events", 2, lines("e", 10, 40), "call events_list with namespace=shop"),
                    new Section("Pods", 1, lines("p", 3, 40), "call resource_list"));

            assertThat(rendered.text())
                    .startsWith("## Findings\n" + String.join("\n", lines("f", 3, 40)) + "\n\n## Events\n")
                    .contains("… 8 more lines omitted: call events_list with namespace=shop\n\n## Pods\n")
                    .endsWith(String.join("\n", lines("p", 3, 40)));
            assertThat(rendered.text())
                    .contains(lines("e", 2, 40))
                    .doesNotContain(lines("e", 3, 40).get(2));
            assertThat(rendered.text().length()).isLessThanOrEqualTo(430);
            assertThat(rendered.truncated()).isTrue();
            assertThat(rendered.omittedLines()).isEqualTo(8);
        }

        @Test
        @DisplayName("a section emptied keeps its title and marker, and the next least important is cut after it")
        void nextSection() {
            Rendered rendered = render(
                    210,
                    new Section("Findings", 0, lines("f", 2, 30), ""),
                    new Section("Pods", 1, lines("p", 4, 30), "call resource_list"),
                    new Section("Events", 2, lines("e", 4, 30), "call events_list"));

            assertThat(rendered.text())
                    .isEqualTo("## Findings\n"
                            + String.join("\n", lines("f", 2, 30))
                            + "\n\n## Pods\n"
                            + lines("p", 1, 30).get(0)
                            + "\n… 3 more lines omitted: call resource_list"
                            + "\n\n## Events\n… 4 more lines omitted: call events_list");
            assertThat(rendered.omittedLines()).isEqualTo(7);
        }

        @Test
        @DisplayName("between sections of the same priority, the later one is cut first")
        void laterFirst() {
            Rendered rendered = render(
                    200,
                    new Section("A", 1, lines("a", 4, 30), "more a"),
                    new Section("B", 1, lines("b", 4, 30), "more b"));

            assertThat(rendered.text())
                    .contains(lines("a", 4, 30))
                    .contains(lines("b", 1, 30))
                    .endsWith("… 3 more lines omitted: more b");
        }

        @Test
        @DisplayName("an untitled section reduced to nothing keeps only its marker; no hint, no colon")
        void untitled() {
            Rendered rendered = render(
                    200,
                    new Section("Headline", 0, List.of("x".repeat(150)), ""),
                    new Section("", 5, lines("d", 5, 30), ""));

            assertThat(rendered.text()).isEqualTo("## Headline\n" + "x".repeat(150) + "\n\n… 5 more lines omitted");
        }

        @Test
        @DisplayName("a single line left out is counted like any other")
        void oneLine() {
            Rendered rendered = render(
                    200, new Section("A", 0, lines("a", 1, 98), ""), new Section("B", 1, lines("b", 2, 60), "hint"));

            assertThat(rendered.text()).endsWith(lines("b", 1, 60).get(0) + "\n… 1 more lines omitted: hint");
            assertThat(rendered.omittedLines()).isEqualTo(1);
        }

        @Test
        @DisplayName(
                "when even titles and markers do not fit, the text is cut at a line and ends with the final marker")
        void finalMarker() {
            List<Section> sections = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sections.add(new Section(
                        "Section number " + i, 0, lines("s" + i, 2, 20), "call something for section " + i));
            }

            Rendered rendered = render(300, sections.toArray(Section[]::new));

            assertThat(rendered.text().length()).isLessThanOrEqualTo(300);
            assertThat(rendered.text())
                    .startsWith("## Section number 0\ns00 ")
                    .endsWith("call something for section 2\n… truncated at maxChars=300; raise maxChars or narrow the"
                            + " query")
                    .doesNotContain("Section number 11");
            assertThat(rendered.truncated()).isTrue();
            // The most important section keeps its lines; the others give way, the least important whole.
            assertThat(rendered.omittedLines()).isEqualTo(22);
            String beforeMarker = rendered.text().substring(0, rendered.text().lastIndexOf('\n'));
            assertThat(beforeMarker.lines())
                    .allMatch(line -> line.isEmpty()
                            || line.startsWith("## Section")
                            || line.startsWith("… 2 more")
                            || line.startsWith("s0"));
        }

        @Test
        @DisplayName("a first line longer than the budget leaves the final marker alone")
        void hugeTitle() {
            Rendered rendered = render(200, new Section("T".repeat(500), 0, List.of("x"), ""));

            assertThat(rendered.text()).isEqualTo("… truncated at maxChars=200; raise maxChars or narrow the query");
            assertThat(rendered.omittedLines()).isEqualTo(1);
        }

        @Test
        @DisplayName("the same report renders the same text every time")
        void deterministic() {
            Report report = Report.builder()
                    .section("A", 2, lines("a", 20, 50), "x")
                    .section("B", 1, lines("b", 20, 50), "y")
                    .section("C", 2, lines("c", 20, 50), "z")
                    .build();

            assertThat(report.render(new CharBudget(1000))).isEqualTo(report.render(new CharBudget(1000)));
        }
    }

    @Nested
    @DisplayName("its parts")
    class Parts {

        @Test
        @DisplayName("the report keeps its sections in display order")
        void sections() {
            Section first = new Section("B", 1, List.of(), "");
            Section second = new Section("A", 0, List.of(), "");

            assertThat(Report.builder().section(first).section(second).build().sections())
                    .containsExactly(first, second);
        }

        @Test
        @DisplayName("sections are values, null-free, their lines copied")
        void section() {
            List<String> lines = new ArrayList<>(List.of("a"));
            Section section = new Section("T", 0, lines, "");
            lines.add("b");

            assertThat(section.lines()).containsExactly("a");
            assertThatNullPointerException().isThrownBy(() -> new Section(null, 0, List.of(), ""));
            assertThatNullPointerException().isThrownBy(() -> new Section("", 0, List.of(), null));
            assertThatNullPointerException().isThrownBy(() -> Report.builder().section(null));
            assertThatNullPointerException()
                    .isThrownBy(() -> Report.builder().build().render(null));
            assertThatNullPointerException().isThrownBy(() -> new Rendered(null, false, 0));
        }

        @Test
        @DisplayName("a budget: the default when left out, the bounds inclusive, out of range refused naming them")
        void budget() {
            assertThat(CharBudget.of(Optional.empty()).maxChars())
                    .isEqualTo(CharBudget.DEFAULT)
                    .isEqualTo(8_000);
            assertThat(CharBudget.of(Optional.of(200)).maxChars()).isEqualTo(CharBudget.MIN);
            assertThat(CharBudget.of(Optional.of(200_000)).maxChars()).isEqualTo(CharBudget.MAX);
            assertThatThrownBy(() -> CharBudget.of(Optional.of(199)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("maxChars must be between 200 and 200000, was 199; leave it out for 8000.");
            assertThatThrownBy(() -> new CharBudget(200_001))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was 200001");
        }
    }
}
