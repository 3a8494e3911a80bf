package io.kmcp.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("A report rendered within any budget")
class ReportPropertyTest {

    private static final Pattern MARKER = Pattern.compile("… (\\d+) more lines omitted(: .*)?");

    private static Report report(List<Section> sections) {
        Report.Builder builder = Report.builder();
        sections.forEach(builder::section);
        return builder.build();
    }

    @Property
    @Label("never exceeds maxChars, and is untouched when it fits")
    void withinBudget(@ForAll("sections") List<Section> sections, @ForAll @IntRange(min = 200, max = 3000) int max) {
        Report report = report(sections);
        String whole = report.render(new CharBudget(CharBudget.MAX)).text();

        Rendered rendered = report.render(new CharBudget(max));

        assertThat(rendered.text().length()).isLessThanOrEqualTo(max);
        if (whole.length() <= max) {
            assertThat(rendered).isEqualTo(new Rendered(whole, false, 0));
        } else {
            assertThat(rendered.truncated()).isTrue();
        }
        assertThat(rendered.text()).doesNotEndWith("\n");
    }

    @Property
    @Label("cuts the least important sections first, from their end, and says how many lines each lost")
    void leastImportantFirst(
            @ForAll("sections") List<Section> sections, @ForAll @IntRange(min = 200, max = 3000) int max) {
        Rendered rendered = report(sections).render(new CharBudget(max));
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

    @Property
    @Label("renders the same text for the same report")
    void deterministic(@ForAll("sections") List<Section> sections, @ForAll @IntRange(min = 200, max = 3000) int max) {
        assertThat(report(sections).render(new CharBudget(max)))
                .isEqualTo(report(new ArrayList<>(sections)).render(new CharBudget(max)));
    }

    /** Sections whose lines are told apart by their start ("s2l5 …"), of lengths from empty to long. */
    @Provide
    Arbitrary<List<Section>> sections() {
        return Arbitraries.integers()
                .between(0, 6)
                .flatMap(count -> Combinators.combine(IntStream.range(0, count)
                                .mapToObj(this::section)
                                .toList())
                        .as(List::copyOf));
    }

    private Arbitrary<Section> section(int index) {
        Arbitrary<String> title = Arbitraries.of("", "Findings", "Events of namespace shop", "P" + index);
        Arbitrary<Integer> priority = Arbitraries.integers().between(0, 3);
        Arbitrary<List<String>> lines = Arbitraries.integers()
                .between(0, 40)
                .list()
                .ofMaxSize(30)
                .map(lengths -> IntStream.range(0, lengths.size())
                        .mapToObj(line -> "s" + index + "l" + line + " " + "é🙂x".repeat(lengths.get(line) / 3))
                        .toList());
        Arbitrary<String> hint = Arbitraries.of("", "call events_list with namespace=shop", "x");
        return Combinators.combine(title, priority, lines, hint).as(Section::new);
    }
}
