package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractCodecTest {

    private final ContractCodec codec = ContractCodec.standard();

    private List<Violation> violationsReading(byte[] xml) {
        return violationsReading(codec, xml);
    }

    private static List<Violation> violationsReading(ContractCodec codec, byte[] xml) {
        ContractViolationException refused =
                catchThrowableOfType(ContractViolationException.class, () -> codec.read(xml));
        assertThat(refused).as("refusal").isNotNull();
        return refused.violations();
    }

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectAssert<Violation> assertOnlyViolation(List<Violation> violations) {
        assertThat(violations).hasSize(1);
        return assertThat(violations.get(0));
    }

    @Nested
    class HostileDocuments {

        @Test
        void externalEntityIsRefusedBeforeItIsRead() {
            List<Violation> violations = violationsReading(utf8("""
                    <?xml version="1.0"?>
                    <!DOCTYPE ExchangeMessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1">&xxe;</ExchangeMessage>
                    """));

            assertOnlyViolation(violations)
                    .extracting(Violation::code, Violation::path)
                    .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT, "/");
            assertThat(violations.get(0).reason()).doesNotContain("root:");
        }

        @Test
        void externalParameterEntityIsRefused() {
            List<Violation> violations = violationsReading(utf8("""
                    <!DOCTYPE ExchangeMessage [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
                    <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1"/>
                    """));

            assertOnlyViolation(violations).extracting(Violation::code).isEqualTo(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
        }

        @Test
        void billionLaughsIsRefusedWithoutExpansion() {
            StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
            for (int level = 1; level <= 9; level++) {
                entities.append("<!ENTITY lol").append(level).append(" \"")
                        .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
            }
            byte[] xml = utf8("<!DOCTYPE lolz [" + entities + "]><lolz>&lol9;</lolz>");

            List<Violation> violations = violationsReading(xml);

            assertOnlyViolation(violations)
                    .isEqualTo(new Violation(ErrorCode.FORBIDDEN_XML_CONSTRUCT, "/",
                            "A DOCTYPE declaration is not accepted: the exchange refuses DTDs and entities."));
        }

        @Test
        void doctypeIsRefusedEvenWithoutDeclarations() {
            String valid = new String(Samples.valid("status-update"), StandardCharsets.UTF_8);
            byte[] xml = utf8(valid.replace("<ExchangeMessage ", "<!DOCTYPE ExchangeMessage><ExchangeMessage "));

            assertOnlyViolation(violationsReading(xml))
                    .extracting(Violation::code).isEqualTo(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
        }

        @Test
        void externalDtdIsRefusedUnfetched() {
            byte[] xml = utf8("""
                    <!DOCTYPE ExchangeMessage SYSTEM "http://127.0.0.1:9/contract.dtd">
                    <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1"/>
                    """);

            assertOnlyViolation(violationsReading(xml))
                    .extracting(Violation::code).isEqualTo(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
        }

        @Test
        void xincludeIsRefused() {
            byte[] xml = utf8("""
                    <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1"
                                     xmlns:xi="http://www.w3.org/2001/XInclude">
                      <xi:include href="file:///etc/passwd" parse="text"/>
                    </ExchangeMessage>
                    """);

            assertOnlyViolation(violationsReading(xml))
                    .isEqualTo(new Violation(ErrorCode.FORBIDDEN_XML_CONSTRUCT, "/",
                            "XInclude (xi:include) is not accepted."));
        }

        @Test
        void nameThatIsNotValidWithNamespacesIsMalformed() {
            byte[] xml = utf8("<ExchangeMessage xmlns=\"urn:cn:consumer-exchange:contract:v1\" :version=\"1\"/>");

            assertOnlyViolation(violationsReading(xml)).extracting(Violation::code).isEqualTo(ErrorCode.MALFORMED_XML);
        }

        @Test
        void documentDeeperThanTheLimitIsRefused() {
            byte[] xml = utf8("<a>".repeat(33) + "</a>".repeat(33));

            assertOnlyViolation(violationsReading(xml))
                    .isEqualTo(new Violation(ErrorCode.DOCUMENT_TOO_DEEP, "/",
                            "Elements are nested more than 32 levels deep."));
        }

        @Test
        void documentAtTheDepthLimitIsParsed() {
            byte[] xml = utf8("<a>".repeat(32) + "</a>".repeat(32));

            assertOnlyViolation(violationsReading(xml))
                    .extracting(Violation::code, Violation::path)
                    .containsExactly(ErrorCode.SCHEMA_VIOLATION, "/a");
        }

        @Test
        void depthLimitIsConfigurable() {
            ContractCodec shallow = new ContractCodec(ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES, 2);

            assertOnlyViolation(violationsReading(shallow, Samples.valid("status-update")))
                    .extracting(Violation::code).isEqualTo(ErrorCode.DOCUMENT_TOO_DEEP);
        }

        @Test
        void documentLargerThanTheLimitIsRefused() {
            ContractCodec small = new ContractCodec(1024, ContractCodec.DEFAULT_MAX_ELEMENT_DEPTH);
            byte[] xml = Samples.valid("complaint");

            assertOnlyViolation(violationsReading(small, xml))
                    .isEqualTo(new Violation(ErrorCode.DOCUMENT_TOO_LARGE, "/",
                            "The document has " + xml.length + " bytes; at most 1024 are accepted."));
        }

        @Test
        void defaultSizeLimitIsOneMebibyte() {
            String valid = new String(Samples.valid("status-update"), StandardCharsets.UTF_8);
            String padding = "<!--" + "x".repeat(1024 * 1024) + "-->";
            byte[] xml = utf8(valid.replace("<ExchangeMessage ", padding + "<ExchangeMessage "));

            assertOnlyViolation(violationsReading(xml))
                    .extracting(Violation::code).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
        }

        @Test
        void malformedDocumentIsRefusedWithItsPosition() {
            assertOnlyViolation(violationsReading(utf8("<ExchangeMessage><Envelope></ExchangeMessage>")))
                    .isEqualTo(new Violation(ErrorCode.MALFORMED_XML, "/", "Line 1, column 30: The element type"
                            + " \"Envelope\" must be terminated by the matching end-tag \"</Envelope>\"."));
        }

        @Test
        void undeclaredEntityIsMalformed() {
            assertOnlyViolation(violationsReading(utf8("<ExchangeMessage>&secret;</ExchangeMessage>")))
                    .extracting(Violation::code).isEqualTo(ErrorCode.MALFORMED_XML);
        }

        @Test
        void bytesThatAreNotUtf8AreAnInvalidEncoding() {
            byte[] xml = {'<', 'a', '>', (byte) 0xff, (byte) 0xfe, '<', '/', 'a', '>'};

            assertOnlyViolation(violationsReading(xml))
                    .extracting(Violation::code).isEqualTo(ErrorCode.INVALID_ENCODING);
        }

        @Test
        void characterReferenceToNulIsAnIllegalCharacter() {
            assertOnlyViolation(violationsReading(utf8("<ExchangeMessage>&#0;</ExchangeMessage>")))
                    .extracting(Violation::code).isEqualTo(ErrorCode.ILLEGAL_CHARACTER);
        }

        @Test
        void elementWithMoreThanSixtyFourAttributesIsRefused() {
            StringBuilder attributes = new StringBuilder();
            for (int i = 0; i <= HardenedXmlParser.MAX_ATTRIBUTES; i++) {
                attributes.append(" a").append(i).append("=\"1\"");
            }

            assertOnlyViolation(violationsReading(utf8("<ExchangeMessage" + attributes + "/>")))
                    .isEqualTo(new Violation(ErrorCode.TOO_MANY_ATTRIBUTES, "/",
                            "An element has 65 attributes; at most 64 are accepted."));
        }

        @Test
        void emptyDocumentIsMalformed() {
            assertOnlyViolation(violationsReading(new byte[0]))
                    .extracting(Violation::code).isEqualTo(ErrorCode.MALFORMED_XML);
        }
    }

    @Nested
    class SchemaViolations {

        @ParameterizedTest
        @CsvSource({
                "complaint-missing-purchase-date,          MISSING_FIELD,        /ExchangeMessage/Complaint/Purchase/Date",
                "complaint-unsupported-currency,           UNSUPPORTED_CURRENCY, /ExchangeMessage/Complaint/Purchase/Amount/@currency",
                "complaint-negative-amount,                INVALID_AMOUNT,       /ExchangeMessage/Complaint/Purchase/Amount",
                "complaint-respondent-without-identifier,  MISSING_FIELD,        /ExchangeMessage/Complaint/Respondent",
                "complaint-credit-code-with-letter-i,      INVALID_CREDIT_CODE,  /ExchangeMessage/Complaint/Respondent/CreditCode",
                "complaint-unexpected-element,             SCHEMA_VIOLATION,     /ExchangeMessage/Complaint/Complainant/Email",
                "evidence-uppercase-sha256,                SCHEMA_VIOLATION,     /ExchangeMessage/Evidence/Item[2]/Sha256",
                "investigation-record-without-person,      MISSING_FIELD,        /ExchangeMessage/InvestigationRecord/Person",
                "mediation-result-three-decimals,          INVALID_AMOUNT,       /ExchangeMessage/MediationResult/AgreedAmount[2]",
                "status-update-unknown-state,              SCHEMA_VIOLATION,     /ExchangeMessage/StatusUpdate/State",
                "acknowledgement-time-without-offset,      SCHEMA_VIOLATION,     /ExchangeMessage/Acknowledgement/AcceptedAt",
                "rejection-unknown-code,                   SCHEMA_VIOLATION,     /ExchangeMessage/Rejection/Error[1]/Code",
                "return-request-zero-quantity,             SCHEMA_VIOLATION,     /ExchangeMessage/ReturnRequest/Purchase/Item[1]/Quantity",
                "return-decision-without-decided-at,       MISSING_FIELD,        /ExchangeMessage/ReturnDecision/DecidedAt",
                "return-decision-amount-without-currency,  MISSING_FIELD,        /ExchangeMessage/ReturnDecision/RefundAmount/@currency",
                "return-settlement-malformed-division,     UNKNOWN_DIVISION,     /ExchangeMessage/ReturnSettlement/Payee/DivisionCode",
                "envelope-wrong-contract-version,          SCHEMA_VIOLATION,     /ExchangeMessage/Envelope/ContractVersion",
                "message-without-body,                     MISSING_FIELD,        /ExchangeMessage",
        })
        void invalidSampleIsRefusedWithCodeAndPath(String sample, ErrorCode code, String path) {
            List<Violation> violations = violationsReading(Samples.bytes("samples/invalid/schema/" + sample + ".xml"));

            assertOnlyViolation(violations).extracting(Violation::code, Violation::path).containsExactly(code, path);
        }

        @Test
        void everyFaultOfADocumentIsReported() {
            List<Violation> violations =
                    violationsReading(Samples.bytes("samples/invalid/schema/complaint-several-faults.xml"));

            assertThat(violations).extracting(Violation::code, Violation::path).containsExactly(
                    tuple(ErrorCode.SCHEMA_VIOLATION, "/ExchangeMessage/Envelope/MessageId"),
                    tuple(ErrorCode.SCHEMA_VIOLATION, "/ExchangeMessage/Envelope/Sender"),
                    tuple(ErrorCode.UNKNOWN_DIVISION, "/ExchangeMessage/Complaint/Respondent/DivisionCode"),
                    tuple(ErrorCode.UNSUPPORTED_CURRENCY, "/ExchangeMessage/Complaint/Purchase/Amount/@currency"),
                    tuple(ErrorCode.INVALID_AMOUNT, "/ExchangeMessage/Complaint/Purchase/Amount"),
                    tuple(ErrorCode.MISSING_FIELD, "/ExchangeMessage/Complaint/Category"),
                    tuple(ErrorCode.SCHEMA_VIOLATION, "/ExchangeMessage/Complaint/ReceivedAt"));
        }

        @Test
        void reasonGivesTheFailedFacetWithoutTheValidatorKey() {
            List<Violation> violations =
                    violationsReading(Samples.bytes("samples/invalid/schema/complaint-unsupported-currency.xml"));

            assertThat(violations.get(0).reason()).isEqualTo("Value 'USD' is not one of CNY, HKD, MOP.");
        }

        @Test
        void reasonNamesElementsWithoutTheirNamespace() {
            List<Violation> violations =
                    violationsReading(Samples.bytes("samples/invalid/schema/complaint-unexpected-element.xml"));

            assertThat(violations.get(0).reason()).isEqualTo(
                    "Invalid content was found starting with element 'Email'. One of 'IdNumber' is expected.");
        }

        @Test
        void missingFieldIsReportedAtItsOwnPath() {
            List<Violation> violations =
                    violationsReading(Samples.bytes("samples/invalid/schema/complaint-missing-purchase-date.xml"));

            assertThat(violations).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                    "/ExchangeMessage/Complaint/Purchase/Date", "Date is required."));
        }

        @Test
        void reportsAtMostOneHundredViolations() {
            String badItem = "<Item><Kind>PHOTO</Kind><ContentType>image/png</ContentType><Size>1</Size>"
                    + "<Sha256>not-a-hash</Sha256><ClaimCheck>evidence/1</ClaimCheck></Item>";
            String valid = new String(Samples.valid("evidence"), StandardCharsets.UTF_8);
            byte[] xml = utf8(valid.replaceFirst("(?s)<Item>.*</Item>", badItem.repeat(150)));

            List<Violation> violations = violationsReading(xml);

            assertThat(violations).hasSize(SchemaErrorCollector.MAX_VIOLATIONS);
            assertThat(violations.get(99).path()).isEqualTo("/ExchangeMessage/Evidence/Item[100]/Sha256");
        }

        @Test
        void elementOfAnotherNamespaceIsRefused() {
            assertOnlyViolation(violationsReading(utf8("<ExchangeMessage xmlns=\"urn:example\"/>")))
                    .isEqualTo(new Violation(ErrorCode.SCHEMA_VIOLATION, "/ExchangeMessage",
                            "Cannot find the declaration of element 'ExchangeMessage'."));
        }
    }

    @Nested
    class Writing {

        @Test
        void writesUtf8WithoutIndentation() {
            byte[] written = codec.write(Samples.validMessage("complaint"));

            String xml = new String(written, StandardCharsets.UTF_8);
            assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<ExchangeMessage xmlns=\"urn:cn:consumer-exchange:contract:v1\"><Envelope><MessageId>");
            assertThat(xml).doesNotContain("\n").contains("<Name>上海浦江数码科技有限公司</Name>");
        }

        @Test
        void refusesToWriteAMessageLackingARequiredField() {
            ExchangeMessage message = Samples.validMessage("complaint");
            message.getComplaint().setFacts(null);

            ContractViolationException refused =
                    catchThrowableOfType(ContractViolationException.class, () -> codec.write(message));

            assertThat(refused.violations()).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                    "/ExchangeMessage/Complaint/Facts", "Facts is required."));
        }
    }

    @Nested
    class WritingAmounts {

        @Test
        void amountThatWouldExpandWhenPrintedIsRefusedWithoutPrintingIt() {
            ExchangeMessage message = Samples.validMessage("complaint");
            message.getComplaint().getPurchase().getAmount().setValue(new BigDecimal("1E+999999999"));

            ContractViolationException refused =
                    catchThrowableOfType(ContractViolationException.class, () -> codec.write(message));

            assertThat(refused.violations()).extracting(Violation::code, Violation::path).containsExactly(
                    tuple(ErrorCode.INVALID_AMOUNT, "/ExchangeMessage/Complaint/Purchase/Amount"));
        }

        @Test
        void amountIsWrittenInPlainDigits() {
            ExchangeMessage message = Samples.validMessage("complaint");
            message.getComplaint().getPurchase().getAmount().setValue(new BigDecimal("1.2E+3"));

            assertThat(new String(codec.write(message), StandardCharsets.UTF_8)).contains(">1200</Amount>");
        }
    }

    @Test
    void readsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExchangeMessage>> reads = IntStream.range(0, 200)
                    .mapToObj(i -> Samples.MESSAGE_TYPES.get(i % Samples.MESSAGE_TYPES.size()))
                    .<Callable<ExchangeMessage>>map(type -> () -> codec.read(Samples.valid(type)))
                    .toList();
            for (Future<ExchangeMessage> read : pool.invokeAll(reads)) {
                assertThat(read.get().getEnvelope()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
