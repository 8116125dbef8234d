package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.MappingException;

/** A csv format's layout, as format.json declares it: columns, and the shorter lines written before some were added. */
class CsvLayoutTest {

    static FormatDescriptor descriptor(String csv) {
        return FormatDescriptor.parse("formats/x-csv/format.json", ("{\"format\": \"x-csv\", \"nativeKind\": \"csv\", "
                + "\"mediaType\": \"text/csv\", \"messageTypes\": [\"COMPLAINT\"], \"csv\": " + csv + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lineOfAnEarlierColumnCountHoldsTheFirstColumns() {
        CsvLayout layout = descriptor("{\"columns\": [\"a\", \"b\", \"c\", \"d\"], \"earlierColumnCounts\": [2]}")
                .csv();

        assertThat(layout.columnsOfLine(4)).containsExactly("a", "b", "c", "d");
        assertThat(layout.columnsOfLine(2)).containsExactly("a", "b");
        assertThat(layout.columnsOfLine(3)).isEmpty();
        assertThat(layout.expectedFields())
                .isEqualTo("4 (or 2, a line written before later columns were appended): a,b,c,d");
    }

    @Test
    void withoutEarlierCountsOnlyTheFullLineFits() {
        CsvLayout layout = descriptor("{\"columns\": [\"a\", \"b\"]}").csv();

        assertThat(layout.earlierColumnCounts()).isEqualTo(List.of());
        assertThat(layout.columnsOfLine(1)).isEmpty();
        assertThat(layout.expectedFields()).isEqualTo("2: a,b");
    }

    @Test
    void earlierCountThatIsNotBelowTheColumnsIsTheFormatsFault() {
        assertThatThrownBy(() -> descriptor("{\"columns\": [\"a\", \"b\"], \"earlierColumnCounts\": [2]}"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.file()).isEqualTo("formats/x-csv/format.json");
                    assertThat(e.getMessage())
                            .contains("\"csv.earlierColumnCounts\" must be numbers of columns below 2");
                });
    }
}
