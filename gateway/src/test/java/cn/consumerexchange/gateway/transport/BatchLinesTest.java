package cn.consumerexchange.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchLinesTest {

    @Test
    void everyDataLineIsACaseOfTheHeaderAndThatLine() {
        List<BatchCase> cases = BatchLines.cases(utf8("id,name\n1,甲\n2,乙\n"));

        assertThat(cases).extracting(BatchCase::line).containsExactly(2, 3);
        assertThat(cases).extracting(c -> text(c.nativeCase())).containsExactly("id,name\n1,甲\n", "id,name\n2,乙\n");
    }

    @Test
    void crlfAndLfEndLinesAlikeAndAByteOrderMarkIsDropped() {
        List<BatchCase> cases = BatchLines.cases(utf8("\uFEFFid,name\r\n1,a\r\n2,b"));

        assertThat(cases).extracting(c -> text(c.nativeCase())).containsExactly("id,name\n1,a\n", "id,name\n2,b\n");
    }

    @Test
    void blankLinesAreSkippedButCounted() {
        assertThat(BatchLines.cases(utf8("id\n\n \t\r\n4\n"))).singleElement()
                .satisfies(c -> assertThat(c.line()).isEqualTo(4));
    }

    @Test
    void anEmptyOrHeaderOnlyFileHasNoCases() {
        assertThat(BatchLines.cases(new byte[0])).isEmpty();
        assertThat(BatchLines.cases(utf8("id,name"))).isEmpty();
        assertThat(BatchLines.cases(utf8("id,name\r\n"))).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreHandedOnUntouched() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8("id,name\n1,"));
        file.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE7, (byte) 0x94});
        file.write('\n');

        assertThat(BatchLines.cases(file.toByteArray())).singleElement()
                .satisfies(c -> assertThat(c.nativeCase()).containsExactly(
                        'i', 'd', ',', 'n', 'a', 'm', 'e', '\n', '1', ',', 0xFF, 0xE7, 0x94, '\n'));
    }

    @Test
    void aQuotedLineBreakEndsTheCase() {
        assertThat(BatchLines.cases(utf8("id,note\n1,\"a\nb\"\n"))).extracting(c -> text(c.nativeCase()))
                .containsExactly("id,note\n1,\"a\n", "id,note\nb\"\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
