package com.example.loadtest.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A small table printed as aligned text (terminal) or as Markdown. Text columns left, numbers right. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final int leftAligned;

    /** @param leftAligned how many leading columns are text (left-aligned); the rest are numbers */
    public Table(int leftAligned, String... headers) {
        this.leftAligned = leftAligned;
        this.headers = List.of(headers);
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("Expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** A row from its cells in order, e.g. a name, then {@link Numbers#latencies}. */
    public Table row(List<String> cells) {
        return row(cells.toArray(String[]::new));
    }

    /** The cells of a row: single values and lists of them (e.g. a row's latencies), in order. */
    static List<String> cells(Object... parts) {
        List<String> cells = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(cell -> cells.add(String.valueOf(cell)));
            } else {
                cells.add(String.valueOf(part));
            }
        }
        return cells;
    }

    public int rowCount() {
        return rows.size();
    }

    public String toText(String indent) {
        int[] widths = widths();
        StringBuilder text = new StringBuilder();
        appendTextRow(text, indent, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendTextRow(text, indent, rule, widths);
        rows.forEach(row -> appendTextRow(text, indent, row, widths));
        return text.toString();
    }

    public String toMarkdown() {
        StringBuilder markdown = new StringBuilder();
        markdown.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int column = 0; column < headers.size(); column++) {
            markdown.append(column < leftAligned ? "---|" : "---:|");
        }
        markdown.append('\n');
        rows.forEach(row -> markdown.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return markdown.toString();
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>(rows);
        all.add(Collections.unmodifiableList(headers));
        for (List<String> row : all) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private void appendTextRow(StringBuilder text, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column < leftAligned ? cell + padding : padding + cell);
            if (column < cells.size() - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
