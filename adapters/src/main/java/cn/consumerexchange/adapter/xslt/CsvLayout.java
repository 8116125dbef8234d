package cn.consumerexchange.adapter.xslt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a csv-kind format lays out its one record.
 *
 * @param separator            between fields, e.g. {@code ,}
 * @param columns              the column names in order, used when a message comes without a header line
 * @param earlierColumnCounts  numbers of fields a line without a header may also have: lines written before the
 *                             format appended further columns, which read as the first that many columns
 */
record CsvLayout(char separator, List<String> columns, List<Integer> earlierColumnCounts) {

    CsvLayout {
        columns = List.copyOf(columns);
        earlierColumnCounts = List.copyOf(earlierColumnCounts);
    }

    /** The columns a line of {@code fields} fields without a header holds, or none if no layout has that many. */
    List<String> columnsOfLine(int fields) {
        if (fields == columns.size()) {
            return columns;
        }
        return earlierColumnCounts.contains(fields) ? columns.subList(0, fields) : List.of();
    }

    /** What a line without a header may hold, for a refusal: its numbers of fields and the columns. */
    String expectedFields() {
        String earlier = earlierColumnCounts.isEmpty() ? "" : earlierColumnCounts.stream().map(String::valueOf)
                .collect(Collectors.joining(" or ", " (or ", ", a line written before later columns were appended)"));
        return columns.size() + earlier + ": " + String.join(",", columns);
    }
}
