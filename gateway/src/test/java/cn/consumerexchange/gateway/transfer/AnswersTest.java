package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;

class AnswersTest {

    /** The longest message id the intake echoes, of every character it lets through. */
    private static final String LONGEST_ID = "Z9._:-".repeat(11).substring(0, MessageIds.MAX_LENGTH);
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_000,
            ZoneOffset.ofHours(8));

    private final Answers answers = new Answers(new ExchangeProperties("EXCHANGE-HUB", List.of(), "GW", 1, 1, 1, 1,
            null, null, null, null, null, null));
    private final ContractCodec codec = ContractCodec.standard();

    /**
     * Every answer the gateway makes passes the contract's schema by construction, at its longest and with the worst
     * text it quotes: the sender's format is written from it as it is.
     */
    @Test
    void everyAnswerPassesTheContractSchemaAtItsLongest() {
        LedgerEntry accepted = entry(MessageState.ACCEPTED, null);
        Violation hostile = new Violation(ErrorCode.FIELD_TOO_LONG, "/a|b\n\u0000" + "p".repeat(5_000),
                "\uD800\u0007|" + "r".repeat(50_000));
        LedgerEntry rejected = entry(MessageState.REJECTED, Answers.encode(Arrays.stream(ErrorCode.values())
                .map(code -> new Violation(code, hostile.path(), hostile.reason())).toList()));

        List<ExchangeMessage> made = List.of(answers.acknowledgement(accepted),
                answers.acknowledgement(accepted, "GW-2026-0K3QX7M2PD9RB"), answers.rejection(rejected),
                answers.unavailable("GW-U-" + UUID.randomUUID(), "SAMR-GD-SZ", AT, "The ledger is away\u0000"));

        assertThat(made).allSatisfy(answer -> assertThat(codec.write(answer)).isNotEmpty());
        assertThat(made.get(2).getRejection().getError()).hasSize(15);
    }

    private static LedgerEntry entry(MessageState state, String reason) {
        return new LedgerEntry(Long.MAX_VALUE, Direction.IN, "SZ", LONGEST_ID, "COMPLAINT", "SAMR-GD-SZ",
                "SAMR-SH", null, "GW-2026-0K3QX7M2PD9RA", "0".repeat(64), state, reason, AT, AT);
    }

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
