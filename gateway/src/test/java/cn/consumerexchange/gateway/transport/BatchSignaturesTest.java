package cn.consumerexchange.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class BatchSignaturesTest {

    static final byte[] FILE = "h\na\nb\n\nc\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachCaseGetsTheSignatureOfItsLineNumber() {
        List<BatchCase> cases = BatchSignatures.apply(BatchLines.cases(FILE),
                "2,eyJ..a\r\n5, eyJ..c\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(cases).extracting(BatchCase::line, BatchCase::signature)
                .containsExactly(Tuple.tuple(2, "eyJ..a"),
                        Tuple.tuple(3, null),
                        Tuple.tuple(5, "eyJ..c"));
    }

    @Test
    void linesThatAreNotSignatureLinesLeaveTheirCasesUnsigned() {
        List<BatchCase> cases = BatchSignatures.apply(BatchLines.cases(FILE),
                "line,jws\nx,eyJ..a\n\n3\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(cases).extracting(BatchCase::signature).containsOnlyNulls();
    }

    @Test
    void aCaseSignsTheHeaderAndItsLineEachEndingInLineFeed() {
        assertThat(new String(BatchLines.cases(FILE).get(0).nativeCase(), StandardCharsets.UTF_8)).isEqualTo("h\na\n");
    }
}
