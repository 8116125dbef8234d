package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.XmlCharacters;

/** Input crafted to break a reader gets the specific code, at the native path, without its content repeated. */
class HostileInputTest {

    static final AdapterCatalog CATALOG = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);

    static UntranslatableMessageException refusal(String format, byte[] nativeMessage) {
        UntranslatableMessageException refused = catchThrowableOfType(UntranslatableMessageException.class,
                () -> CATALOG.forFormat(format).toContract(nativeMessage));
        assertThat(refused).as("refusal").isNotNull();
        return refused;
    }

    static List<Violation> violations(String format, String nativeMessage) {
        return refusal(format, nativeMessage.getBytes(StandardCharsets.UTF_8)).violations();
    }

    static byte[] notUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;
        return broken;
    }

    @Nested
    class GbaXml {

        final String complaint = Samples.text("gba-xml/complaint-to-shanghai.xml");

        @Test
        void notWellFormedIsMalformedXml() {
            assertThat(violations("gba-xml", "<gba-message><header>")).extracting(Violation::code)
                    .containsExactly(ErrorCode.MALFORMED_XML);
        }

        @Test
        void elementWithTooManyAttributesIsRefused() {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 65; i++) {
                many.append(" x").append(i).append("=\"1\"");
            }
            assertThat(violations("gba-xml", complaint.replace("<complaint>", "<complaint" + many + ">")))
                    .extracting(Violation::code).containsExactly(ErrorCode.TOO_MANY_ATTRIBUTES);
        }

        /** The text passes to the schema as it is, never expanded into digits; the schema refuses it. */
        @Test
        void hugeExponentAmountIsRefusedByTheSchemaAndKeepsTheMessageId() {
            UntranslatableMessageException refused = refusal("gba-xml", complaint.replace(">1299.00<",
                    ">1E+999999999<").getBytes(StandardCharsets.UTF_8));

            assertThat(refused.messageId()).hasValue("SZ-20261120-000123");
            assertThat(refused.violations()).extracting(Violation::code, Violation::path).containsExactly(
                    tuple(ErrorCode.INVALID_AMOUNT,
                            "/ExchangeMessage/Complaint/Purchase/Amount"));
        }

        @Test
        void unsupportedCurrencyHasItsOwnCode() {
            assertThat(violations("gba-xml", complaint.replace("currency=\"CNY\"", "currency=\"USD\"")))
                    .extracting(Violation::code).containsExactly(ErrorCode.UNSUPPORTED_CURRENCY);
        }

        @Test
        void bytesThatAreNotUtf8AreAnInvalidEncoding() {
            assertThat(refusal("gba-xml", notUtf8(complaint.substring(0, complaint.indexOf("</facts>"))))
                    .violations()).extracting(Violation::code).containsExactly(ErrorCode.INVALID_ENCODING);
        }
    }

    @Nested
    class YrdJson {

        final String complaint = new String(CATALOG.forFormat("yrd-json").toNative(
                CATALOG.forFormat("gba-xml").toContract(Samples.bytes("gba-xml/complaint-to-shanghai.xml"))),
                StandardCharsets.UTF_8);

        @Test
        void duplicateKeyIsAmbiguous() {
            assertThat(violations("yrd-json", complaint.replace("{\"msgId\":", "{\"msgType\":\"STATUS\",\"msgId\":")))
                    .extracting(Violation::code, Violation::path).containsExactly(
                            tuple(ErrorCode.AMBIGUOUS_DOCUMENT, "$.msgType"));
        }

        @Test
        void trailingContentIsAmbiguous() {
            assertThat(violations("yrd-json", complaint + "{}")).extracting(Violation::code)
                    .containsExactly(ErrorCode.AMBIGUOUS_DOCUMENT);
        }

        @Test
        void amountInExponentNotationIsRefusedByTheSchemaAndKeepsTheMessageId() {
            UntranslatableMessageException refused = refusal("yrd-json",
                    complaint.replace("\"1299.00\"", "\"1E+2000\"").getBytes(StandardCharsets.UTF_8));

            assertThat(refused.messageId()).hasValue("SZ-20261120-000123");
            assertThat(refused.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
                assertThat(violation.path()).isEqualTo("/ExchangeMessage/Complaint/Purchase/Amount");
                assertThat(violation.reason())
                        .startsWith("[yrd-json to-contract.xsl, native $.complaint.order.amount]");
            });
        }

        @Test
        void numericAmountWithAnExponentIsTooLarge() {
            assertThat(violations("yrd-json", complaint.replace("\"1299.00\"", "1E+999999999")))
                    .containsExactly(new Violation(ErrorCode.NUMBER_TOO_LARGE, "$.complaint.order.amount",
                            "The number has an exponent; write it out in digits."));
        }

        @Test
        void unsupportedCurrencyHasItsOwnCode() {
            assertThat(violations("yrd-json", complaint.replace("\"CNY\"", "\"USD\"")))
                    .extracting(Violation::code).containsExactly(ErrorCode.UNSUPPORTED_CURRENCY);
        }

        @Test
        void escapedNulIsAnIllegalCharacter() {
            assertThat(violations("yrd-json", complaint.replace("无法加热", "无法\\u0000加热")))
                    .extracting(Violation::code, Violation::path).containsExactly(
                            tuple(ErrorCode.ILLEGAL_CHARACTER,
                                    "$.complaint.description"));
        }

        @Test
        void bytesThatAreNotUtf8AreAnInvalidEncoding() {
            assertThat(refusal("yrd-json", notUtf8(complaint)).violations()).extracting(Violation::code)
                    .containsExactly(ErrorCode.INVALID_ENCODING);
        }

        @Test
        void messageIdOfAnyLengthIsCutShort() {
            String id = "SZ-" + "9".repeat(10_000);

            UntranslatableMessageException refused = refusal("yrd-json", complaint
                    .replace("SZ-20261120-000123", id).replace("\"CNY\"", "\"USD\"")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(refused.messageId()).hasValueSatisfying(
                    cut -> assertThat(cut).hasSize(UntranslatableMessageException.MAX_MESSAGE_ID_CHARS));
        }
    }

    @Nested
    class N12315Json {

        final String complaint = Samples.text("n12315-json/complaint-to-hangzhou.json");

        @Test
        void duplicateKeyIsAmbiguous() {
            assertThat(violations("n12315-json", complaint.replace("\"je\":", "\"bz\": \"HKD\", \"je\":")))
                    .extracting(Violation::code).containsExactly(ErrorCode.AMBIGUOUS_DOCUMENT);
        }

        @Test
        void amountInExponentNotationIsRefusedByTheSchema() {
            assertThat(violations("n12315-json", complaint.replace("\"459.00\"", "\"1E+999999999\"")))
                    .extracting(Violation::code, Violation::path).containsExactly(
                            tuple(ErrorCode.INVALID_AMOUNT,
                                    "/ExchangeMessage/Complaint/Purchase/Amount"));
        }

        @Test
        void numericAmountWithAnExponentIsTooLarge() {
            assertThat(violations("n12315-json", complaint.replace("\"459.00\"", "1E+999999999")))
                    .extracting(Violation::code).containsExactly(ErrorCode.NUMBER_TOO_LARGE);
        }

        @Test
        void escapedNulIsAnIllegalCharacter() {
            assertThat(violations("n12315-json", complaint.replace("羊毛大衣", "羊毛\\u0000大衣")))
                    .extracting(Violation::code, Violation::path).containsExactly(
                            tuple(ErrorCode.ILLEGAL_CHARACTER, "$.tsxx.tsnr"));
        }
    }

    @Nested
    class HljCsv {

        final String complaint = Samples.text("hlj-csv/complaint-to-guangzhou.csv");

        @Test
        void nulInACellIsAnIllegalCharacterAtItsColumn() {
            assertThat(violations("hlj-csv", complaint.replace("羽绒服", "羽绒\u0000服"))).containsExactly(
                    new Violation(ErrorCode.ILLEGAL_CHARACTER, "/record/facts",
                            XmlCharacters.REASON));
        }

        @Test
        void unclosedQuoteIsMalformedCsvWithoutTheContent() {
            List<Violation> violations = violations("hlj-csv", complaint.replace("\"消费者在", "\"\"x\"消费者在"));

            assertThat(violations).extracting(Violation::code).containsExactly(ErrorCode.MALFORMED_CSV);
            assertThat(violations.get(0).reason()).doesNotContain("消费者");
        }

        @Test
        void bytesThatAreNotUtf8AreAnInvalidEncoding() {
            assertThat(refusal("hlj-csv", notUtf8(complaint)).violations()).extracting(Violation::code)
                    .containsExactly(ErrorCode.INVALID_ENCODING);
        }

        @Test
        void amountInExponentNotationIsRefusedByTheSchema() {
            assertThat(violations("hlj-csv", complaint.replace(",1688.00,", ",1E+999999999,")))
                    .extracting(Violation::code).containsExactly(ErrorCode.INVALID_AMOUNT);
        }
    }
}
