package io.kmcp.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A report rendered within any budget")
class ReportPropertyTest {

    private static final Pattern MARKER = Pattern.compile("… (\\d+) more lines omitted(: .*)?");

    private static Report report(List<Section> sections) {
        Report.Builder builder = Report.builder();
        sections.forEach(builder::section);
        return builder.build();
    }

    @PropertyTest
    @MethodSource("cases")
    @DisplayName("never exceeds maxChars, and is untouched when it fits")
    void withinBudget(Case sample) {
        Report report = report(sample.sections());
        String whole = report.render(new CharBudget(CharBudget.MAX)).text();

        Rendered rendered = report.render(new CharBudget(sample.max()));

        assertThat(rendered.text().length()).isLessThanOrEqualTo(sample.max());
        if (whole.length() <= sample.max()) {
            assertThat(rendered).isEqualTo(new Rendered(whole, false, 0));
        } else {
            assertThat(rendered.truncated()).isTrue();
        }
        assertThat(rendered.text()).doesNotEndWith("\n");
    }

    @PropertyTest
    @MethodSource("cases")
    @DisplayName("cuts the least important sections first, from their end, and says how many lines each lost")
    void leastImportantFirst(Case sample) {
        List<Section> sections = sample.sections();
        Rendered rendered = report(sections).render(new CharBudget(sample.max()));
        if (rendered.text().contains("… truncated at maxChars=")) {
            return;
        }
        List<String> shown = rendered.text().lines().toList();
        int[] kept = new int[sections.size()];
        int omitted = 0;
        for (int i = 0; i < sections.size(); i++) {
            List<String> lines = sections.get(i).lines();
            int index = i;
            kept[i] = (int) lines.stream().filter(shown::contains).count();
            assertThat(lines.subList(0, kept[i]))
                    .as("section %d keeps its first lines", index)
                    .allMatch(shown::contains);
            omitted += lines.size() - kept[i];
        }
        assertThat(rendered.omittedLines()).isEqualTo(omitted);
        assertThat(shown.stream()
                        .map(MARKER::matcher)
                        .filter(Matcher::matches)
                        .mapToInt(marker -> Integer.parseInt(marker.group(1)))
                        .sum())
                .isEqualTo(omitted);
        List<Integer> cutOrder = IntStream.range(0, sections.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> sections.get(i).priority())
                        .reversed()
                        .thenComparing(Comparator.reverseOrder()))
                .toList();
        for (int position = 0; position < cutOrder.size(); position++) {
            int section = cutOrder.get(position);
            if (kept[section] < sections.get(section).lines().size()) {
                for (int earlier : cutOrder.subList(0, position)) {
                    assertThat(kept[earlier])
                            .as("section %d is cut before section %d", earlier, section)
                            .isZero();
                }
            }
        }
    }

    @PropertyTest
    @MethodSource("cases")
    @DisplayName("renders the same text for the same report")
    void deterministic(Case sample) {
        assertThat(report(sample.sections()).render(new CharBudget(sample.max())))
                .isEqualTo(report(new ArrayList<>(sample.sections())).render(new CharBudget(sample.max())));
    }

    /** Sections to render within a budget of max characters. */
    record Case(List<Section> sections, int max) {

        @Override
        public String toString() {
            return sections.size() + " sections of "
                    + sections.stream().map(section -> section.lines().size()).toList() + " lines, maxChars "
                    + max;
        }
    }

    static Stream<Named<Case>> cases() {
        return Samples.of(random -> new Case(sections(random), Samples.between(random, 200, 3000)));
    }

    /** Up to six sections whose lines are told apart by their start ("s2l5 …"), from empty to long. */
    private static List<Section> sections(Random random) {
        int count = Samples.between(random, 0, 6);
        return IntStream.range(0, count)
                .mapToObj(index -> section(random, index))
                .toList();
    }

    private static Section section(Random random, int index) {
        String title = Samples.oneOf(random, "", "Findings", "Events of namespace shop", "P" + index);
        int priority = Samples.between(random, 0, 3);
        List<Integer> lengths = Samples.list(random, 30, lengthOf -> Samples.between(lengthOf, 0, 40));
        List<String> lines = IntStream.range(0, lengths.size())
                .mapToObj(line -> "s" + index + "l" + line + " " + "é🙂x".repeat(lengths.get(line) / 3))
                .toList();
        String hint = Samples.oneOf(random, "", "call events_list with namespace=shop", "x");
        return new Section(title, priority, lines, hint);
    }
}
