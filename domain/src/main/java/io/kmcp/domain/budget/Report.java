package io.kmcp.domain.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * An answer as sections in display order. Rendered within a budget, it keeps the display order and
 * shortens the least important sections first (the later one first among equals), each cut section
 * ending with a marker; if even the titles and markers do not fit, the text is cut at a line and ends
 * with a final marker. The text never exceeds the budget.
 */
public final class Report {

    /** A section left out whole, title and marker included. */
    private static final int HIDDEN = -1;

    static final String FINAL_MARKER = "… truncated at maxChars=%d; raise maxChars or narrow the query";

    private final List<Section> sections;

    /** Per section, the characters of its first n lines: prefix[s][n]. */
    private final long[][] prefix;

    private Report(List<Section> sections) {
        this.sections = List.copyOf(sections);
        this.prefix = new long[this.sections.size()][];
        for (int i = 0; i < this.sections.size(); i++) {
            List<String> lines = this.sections.get(i).lines();
            prefix[i] = new long[lines.size() + 1];
            for (int n = 0; n < lines.size(); n++) {
                prefix[i][n + 1] = prefix[i][n] + lines.get(n).length();
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Section> sections() {
        return sections;
    }

    public Rendered render(CharBudget budget) {
        Objects.requireNonNull(budget, "budget");
        int max = budget.maxChars();
        int[] kept =
                sections.stream().mapToInt(section -> section.lines().size()).toArray();
        if (length(kept) <= max) {
            return new Rendered(text(kept), false, 0);
        }
        List<Integer> order = IntStream.range(0, sections.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> sections.get(i).priority())
                        .reversed()
                        .thenComparing(Comparator.reverseOrder()))
                .toList();
        String finalMarker = String.format(FINAL_MARKER, max);
        List<Integer> lessImportant = order.subList(0, order.size() - 1);
        int mostImportant = order.get(order.size() - 1);
        for (int index : lessImportant) {
            while (kept[index] > 0 && length(kept) > max) {
                kept[index]--;
            }
        }
        // Every section is down to its title and marker and the text is still too long: the emptied
        // sections give way whole, least important first, so that the most important lines (the headline
        // above all) are not cut for the sake of less important titles; the final marker says so.
        for (int index : lessImportant) {
            if (fits(kept, max, finalMarker)) {
                break;
            }
            if (kept[index] == 0) {
                kept[index] = HIDDEN;
            }
        }
        while (kept[mostImportant] > 0 && !fits(kept, max, finalMarker)) {
            kept[mostImportant]--;
        }
        int omitted = IntStream.range(0, sections.size())
                .map(i -> sections.get(i).lines().size() - Math.max(0, kept[i]))
                .sum();
        boolean hidden = Arrays.stream(kept).anyMatch(k -> k == HIDDEN);
        String text = text(kept) + (hidden ? "\n" + finalMarker : "");
        if (text.length() <= max) {
            return new Rendered(text, true, omitted);
        }
        text = text(kept);
        // Even titles and markers are too long: keep the first whole lines that fit before the final marker,
        // which always fits since CharBudget.MIN is longer than it.
        String marker = String.format(FINAL_MARKER, max);
        int cut = text.lastIndexOf('\n', max - marker.length() - 1);
        String head = cut < 0 ? "" : text.substring(0, cut).replaceAll("\n+$", "");
        return new Rendered((head.isEmpty() ? "" : head + "\n") + marker, true, omitted);
    }

    /** The length {@link #text} would have, in time proportional to the number of sections. */
    /** Whether the text fits, with the final marker's line when a section gave way whole. */
    private boolean fits(int[] kept, int max, String finalMarker) {
        boolean hidden = Arrays.stream(kept).anyMatch(k -> k == HIDDEN);
        return length(kept) + (hidden ? finalMarker.length() + 1 : 0) <= max;
    }

    private long length(int[] kept) {
        long total = 0;
        int blocks = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (kept[i] == HIDDEN) {
                continue;
            }
            int lines = 0;
            long chars = 0;
            if (!section.title().isEmpty()) {
                lines++;
                chars += 3 + section.title().length();
            }
            lines += kept[i];
            chars += prefix[i][kept[i]];
            int left = section.lines().size() - kept[i];
            if (left > 0) {
                lines++;
                chars += marker(section, left).length();
            }
            if (lines > 0) {
                total += chars + (lines - 1);
                blocks++;
            }
        }
        return total + Math.max(0, blocks - 1) * 2L;
    }

    /** "… 3 more lines omitted: call events_list with namespace=shop", worded as the contract fixes it. */
    static String marker(Section section, int left) {
        return "… " + left + " more lines omitted"
                + (section.omissionHint().isEmpty() ? "" : ": " + section.omissionHint());
    }

    private String text(int[] kept) {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (kept[i] == HIDDEN) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            if (!section.title().isEmpty()) {
                lines.add("## " + section.title());
            }
            lines.addAll(section.lines().subList(0, kept[i]));
            int left = section.lines().size() - kept[i];
            if (left > 0) {
                lines.add(marker(section, left));
            }
            if (!lines.isEmpty()) {
                blocks.add(String.join("\n", lines));
            }
        }
        return String.join("\n\n", blocks);
    }

    /** Sections in the order they are shown. */
    public static final class Builder {

        private final List<Section> sections = new ArrayList<>();

        private Builder() {}

        public Builder section(Section section) {
            sections.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        public Builder section(String title, int priority, List<String> lines, String omissionHint) {
            return section(new Section(title, priority, lines, omissionHint));
        }

        public Report build() {
            return new Report(sections);
        }
    }
}
