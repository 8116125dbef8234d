package cn.consumerexchange.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultCsvTest {

    @Test
    void everyCellIsQuoted() {
        assertThat(lines(ResultLine.accepted(2, "HL-1", "GW-2026-1"), ResultLine.rejected(3, "HL-\"2\"",
                "INVALID_CREDIT_CODE|MISSING_FIELD", "/a: wrong, sorry; /b: missing"))).containsExactly(
                        "line,message_id,result,gateway_ref,error_codes,reasons",
                        "\"2\",\"HL-1\",\"ACCEPTED\",\"GW-2026-1\",\"\",\"\"",
                        "\"3\",\"HL-\"\"2\"\"\",\"REJECTED\",\"\",\"INVALID_CREDIT_CODE|MISSING_FIELD\","
                                + "\"/a: wrong, sorry; /b: missing\"");
    }

    @Test
    void cellsASpreadsheetWouldTakeForAFormulaAreNeutralised() {
        assertThat(ResultCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ResultCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(ResultCsv.cell("-1+2")).isEqualTo("\"'-1+2\"");
        assertThat(ResultCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ResultCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(ResultCsv.cell("HL-1")).isEqualTo("\"HL-1\"");
    }

    @Test
    void aLineBreakInACellKeepsOneResultLinePerAnswer() {
        assertThat(lines(ResultLine.rejected(2, null, "MALFORMED_CSV", "/record: bad\r\n=line"))).containsExactly(
                "line,message_id,result,gateway_ref,error_codes,reasons",
                "\"2\",\"\",\"REJECTED\",\"\",\"MALFORMED_CSV\",\"/record: bad =line\"");
    }

    private static List<String> lines(ResultLine... lines) {
        return new String(ResultCsv.write(List.of(lines)), StandardCharsets.UTF_8).lines().toList();
    }
}
