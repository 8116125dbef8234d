package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Texts at and beyond their limits, characters XML cannot carry, and reasons that do not repeat the value. */
class ContractTextsTest {

    private static final String FACTS = "/ExchangeMessage/Complaint/Facts";

    private final ContractCodec codec = ContractCodec.standard();

    private static byte[] complaintWith(String element, String value) {
        String valid = new String(Samples.valid("complaint"), StandardCharsets.UTF_8);
        String replaced = valid.replaceFirst("<" + element + "( [^>]*)?>[^<]*</" + element + ">",
                "<" + element + "$1>" + value + "</" + element + ">");
        assertThat(replaced).isNotEqualTo(valid);
        return replaced.getBytes(StandardCharsets.UTF_8);
    }

    private List<Violation> violationsReading(byte[] xml) {
        return catchThrowableOfType(ContractViolationException.class, () -> codec.read(xml)).violations();
    }

    private List<Violation> violationsWriting(ExchangeMessage message) {
        return catchThrowableOfType(ContractViolationException.class, () -> codec.write(message)).violations();
    }

    @Nested
    class LongText {

        @Test
        void blankTextIsRefused() {
            assertThat(violationsReading(complaintWith("Facts", " \n\t ")))
                    .extracting(Violation::code, Violation::path)
                    .containsExactly(tuple(ErrorCode.SCHEMA_VIOLATION, FACTS));
        }

        @Test
        void textWithLeadingAndTrailingBlanksIsAccepted() {
            assertThat(codec.read(complaintWith("Facts", " \n 左耳无声 \n")).getComplaint().getFacts())
                    .isEqualTo(" \n 左耳无声 \n");
        }

        @Test
        void textOfTheMaximumLengthIsAccepted() {
            String blanksThenOneCharacter = " ".repeat(19_999) + "x";
            String oneCharacterThenBlanks = "x" + " ".repeat(19_999);

            assertThat(codec.read(complaintWith("Facts", blanksThenOneCharacter)).getComplaint().getFacts())
                    .isEqualTo(blanksThenOneCharacter);
            assertThat(codec.read(complaintWith("Facts", oneCharacterThenBlanks)).getComplaint().getFacts())
                    .isEqualTo(oneCharacterThenBlanks);
        }

        @Test
        void textOneCharacterTooLongIsFieldTooLong() {
            assertThat(violationsReading(complaintWith("Facts", "x".repeat(20_001)))).containsExactly(
                    new Violation(ErrorCode.FIELD_TOO_LONG, FACTS,
                            "The value has 20001 characters; no field of the contract takes more than 20000."));
        }

        @Test
        void megabyteTextIsFieldTooLong() {
            assertThat(violationsReading(complaintWith("Facts", "x".repeat(1_000_000))))
                    .extracting(Violation::code).containsExactly(ErrorCode.FIELD_TOO_LONG);
        }
    }

    @Nested
    class Lengths {

        @Test
        void shortTextOverItsLimitIsFieldTooLong() {
            assertThat(violationsReading(complaintWith("Address", "路".repeat(257)))).containsExactly(
                    new Violation(ErrorCode.FIELD_TOO_LONG, "/ExchangeMessage/Complaint/Respondent/Address",
                            "The value has 257 characters; at most 256 are allowed."));
        }

        @Test
        void messageIdOverItsLimitIsFieldTooLongThoughItsPatternIsCheckedFirst() {
            assertThat(violationsReading(complaintWith("MessageId", "A".repeat(65)))).containsExactly(
                    new Violation(ErrorCode.FIELD_TOO_LONG, "/ExchangeMessage/Envelope/MessageId",
                            "The value has 65 characters; at most 64 are allowed."));
        }
    }

    @Nested
    class Reasons {

        @Test
        void patternViolationNamesThePatternNotTheValue() {
            List<Violation> violations = violationsReading(complaintWith("Phone", "call me on 138 0013 8000"));

            assertThat(violations).singleElement().satisfies(violation -> {
                assertThat(violation.path()).isEqualTo("/ExchangeMessage/Complaint/Complainant/Phone");
                assertThat(violation.reason()).isEqualTo(
                        "The value does not match the pattern of PhoneNumber: \\+?[0-9][0-9 \\-]{4,23}.")
                        .doesNotContain("138");
            });
        }

        @Test
        void malformedAmountIsNamedByItsTypeNotItsValue() {
            List<Violation> violations = violationsReading(complaintWith("Amount", "李晓华 13800138000"));

            assertThat(violations).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/Complaint/Purchase/Amount", "The value is not a valid decimal."));
        }

        @Test
        void shortCodeIsRepeated() {
            List<Violation> violations = violationsReading(complaintWith("Sender", "sz-amr"));

            assertThat(violations).singleElement().extracting(Violation::reason).asString()
                    .startsWith("Value 'sz-amr' does not match the pattern of AuthorityCode");
        }
    }

    @Nested
    class IllegalCharacters {

        private final ExchangeMessage complaint = Samples.validMessage("complaint");

        @Test
        void nulIsRefusedOnWriteAtTheFieldsPath() {
            complaint.getComplaint().setFacts("左耳无声\u0000");

            assertThat(violationsWriting(complaint)).singleElement()
                    .extracting(Violation::code, Violation::path)
                    .containsExactly(ErrorCode.ILLEGAL_CHARACTER, FACTS);
        }

        @Test
        void nonCharacterAndUnpairedSurrogateAreRefused() {
            complaint.getComplaint().getComplainant().setName("李\uFFFF");
            complaint.getComplaint().getRespondent().setAddress("上海\uD83D");

            assertThat(violationsWriting(complaint)).extracting(Violation::code, Violation::path).containsExactly(
                    tuple(ErrorCode.ILLEGAL_CHARACTER,
                            "/ExchangeMessage/Complaint/Complainant/Name"),
                    tuple(ErrorCode.ILLEGAL_CHARACTER,
                            "/ExchangeMessage/Complaint/Respondent/Address"));
        }

        @Test
        void pairedSurrogatesTabsAndLineBreaksAreWritten() {
            complaint.getComplaint().setFacts("耳机\t坏了 😠\n");

            assertThat(codec.read(codec.write(complaint)).getComplaint().getFacts()).isEqualTo("耳机\t坏了 😠\n");
        }
    }
}
