package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

class AnswersTest {

    @Test
    void charactersXmlCannotCarryAreReplacedAndPairsKept() {
        assertThat(Answers.printable("a\u0000b\uD800c\uD83D\uDE00d\u0007", 100))
                .isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00d\uFFFD");
    }

    @Test
    void textIsCutWithoutSplittingAPair() {
        assertThat(Answers.printable("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(Answers.printable("x".repeat(5_000), 1_000)).hasSize(1_000);
    }

    @Test
    void encodedViolationsAlwaysFitTheLedgerAndDecodeAgain() {
        Violation huge = new Violation(ErrorCode.FIELD_TOO_LONG, "/a|b\nc", "r".repeat(50_000) + "\n|");
        String encoded = Answers.encode(Collections.nCopies(40, huge));

        assertThat(encoded.length()).isLessThanOrEqualTo(20_000);
        List<Violation> decoded = Answers.decode(encoded);
        assertThat(decoded).hasSize(15).allSatisfy(violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.FIELD_TOO_LONG);
            assertThat(violation.path()).isEqualTo("/a/b\uFFFDc");
        });
    }
}
