package io.kmcp.adapters.mcp.tool;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table in kubectl's layout: upper-case headers, columns padded with spaces, nothing
 * else. Cells are single-line and bounded, so one odd value cannot flood the answer.
 */
final class Table {

    static final int MAX_CELL_LENGTH = 100;
    private static final String GAP = "   ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    Table add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(row.stream().map(Table::cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    /** One line, bounded, never empty (an empty cell would shift the columns for a reader). */
    static String cell(String value) {
        if (value == null || value.isBlank()) {
            return "<none>";
        }
        StringBuilder clean = new StringBuilder();
        value.strip().codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String single = clean.toString();
        return single.length() > MAX_CELL_LENGTH ? single.substring(0, MAX_CELL_LENGTH - 1) + "…" : single;
    }
}
