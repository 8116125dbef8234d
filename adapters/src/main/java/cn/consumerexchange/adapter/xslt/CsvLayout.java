package cn.consumerexchange.adapter.xslt;

import java.util.List;

/**
 * How a csv-kind format lays out its one record.
 *
 * @param separator between fields, e.g. {@code ,}
 * @param columns   the column names in order, used when a message comes without a header line
 */
record CsvLayout(char separator, List<String> columns) {

    CsvLayout {
        columns = List.copyOf(columns);
    }
}
