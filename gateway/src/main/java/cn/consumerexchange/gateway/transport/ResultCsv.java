package cn.consumerexchange.gateway.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a result file. Partners open it in spreadsheets, and its reasons may echo their input, so every cell is
 * quoted, line breaks inside a cell become spaces (one result line per answer), and a cell that a spreadsheet would
 * take for a formula ({@code = + - @}, tab) starts with {@code '}.
 */
final class ResultCsv {

    static final String HEADER = "line,message_id,result,gateway_ref,error_codes,reasons";

    private static final String FORMULA_STARTS = "=+-@\t";

    private ResultCsv() {
    }

    static byte[] write(List<ResultLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ResultLine line : lines) {
            csv.append(line.cells().stream().map(ResultCsv::cell).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        String text = value == null ? "" : value.replaceAll("[\r\n]+", " ");
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
