package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractValidatorTest {

    private static final DivisionCodes DIVISIONS = DivisionCodes.fromClasspath();
    private static final OffsetDateTime NOW = OffsetDateTime.ofInstant(Samples.CLOCK.instant(), ZoneOffset.ofHours(8));

    private final ContractValidator validator = new ContractValidator(DIVISIONS, Samples.CLOCK);

    private static Money money(String value, Currency currency) {
        Money money = new Money();
        money.setValue(new BigDecimal(value));
        money.setCurrency(currency);
        return money;
    }

    @ParameterizedTest
    @CsvSource({
            "complaint-wrong-check-character,            INVALID_CREDIT_CODE, /ExchangeMessage/Complaint/Respondent/CreditCode",
            "complaint-credit-code-unknown-area,         INVALID_CREDIT_CODE, /ExchangeMessage/Complaint/Respondent/CreditCode",
            "complaint-hong-kong-with-credit-code,       MISSING_FIELD,       /ExchangeMessage/Complaint/Respondent/RegistrationNumber",
            "complaint-unknown-division,                 UNKNOWN_DIVISION,    /ExchangeMessage/Complaint/Respondent/DivisionCode",
            "complaint-platform-seller-without-platform, MISSING_FIELD,       /ExchangeMessage/Complaint/Respondent/PlatformName",
            "complaint-unknown-domicile-division,        UNKNOWN_DIVISION,    /ExchangeMessage/Complaint/Respondent/DomicileDivisionCode",
            "complaint-unknown-platform-division,        UNKNOWN_DIVISION,    /ExchangeMessage/Complaint/Respondent/PlatformDivisionCode",
            "evidence-type-mismatch,                     TYPE_MISMATCH,       /ExchangeMessage/Envelope/MessageType",
            "investigation-record-future-date,           DATE_IN_FUTURE,      /ExchangeMessage/InvestigationRecord/Date",
            "mediation-result-agreement-without-terms,   MISSING_FIELD,       /ExchangeMessage/MediationResult/Terms",
            "status-update-not-accepted-without-reason,  MISSING_FIELD,       /ExchangeMessage/StatusUpdate/Reason",
            "acknowledgement-type-mismatch,              TYPE_MISMATCH,       /ExchangeMessage/Envelope/MessageType",
            "rejection-sent-in-future,                   DATE_IN_FUTURE,      /ExchangeMessage/Envelope/SentAt",
            "return-request-unknown-store-division,      UNKNOWN_DIVISION,    /ExchangeMessage/ReturnRequest/ReturnStore/DivisionCode",
            "return-decision-refused-without-reason,     MISSING_FIELD,       /ExchangeMessage/ReturnDecision/Reason",
            "return-settlement-refunded-in-future,       DATE_IN_FUTURE,      /ExchangeMessage/ReturnSettlement/RefundedAt",
    })
    void invalidSampleBreaksExactlyOneRule(String sample, ErrorCode code, String path) {
        ExchangeMessage message =
                ContractCodec.standard().read(Samples.bytes("samples/invalid/rules/" + sample + ".xml"));

        assertThat(validator.validate(message)).extracting(Violation::code, Violation::path)
                .containsExactly(tuple(code, path));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        ExchangeMessage message = ContractCodec.standard()
                .read(Samples.bytes("samples/invalid/rules/complaint-several-rule-breaks.xml"));

        assertThat(validator.validate(message)).containsExactly(
                new Violation(ErrorCode.TYPE_MISMATCH, "/ExchangeMessage/Envelope/MessageType",
                        "MessageType is EVIDENCE but the body is Complaint."),
                new Violation(ErrorCode.INVALID_CREDIT_CODE, "/ExchangeMessage/Complaint/Respondent/CreditCode",
                        "The check character should be C, not D."),
                new Violation(ErrorCode.DATE_IN_FUTURE, "/ExchangeMessage/Complaint/Purchase/Date",
                        "The date lies in the future."),
                new Violation(ErrorCode.DATE_IN_FUTURE, "/ExchangeMessage/Complaint/ReceivedAt",
                        "The time lies in the future."));
    }

    @Nested
    class Respondents {

        private final ExchangeMessage complaint = Samples.validMessage("complaint");
        private final Respondent respondent = complaint.getComplaint().getRespondent();

        private void locateIn(String division, String registrationNumber) {
            respondent.setDivisionCode(division);
            respondent.setCreditCode(null);
            respondent.setRegistrationNumber(registrationNumber);
        }

        @ParameterizedTest
        @ValueSource(strings = {"810000", "820000"})
        void hongKongAndMacaoBusinessesAreIdentifiedByRegistrationNumber(String division) {
            locateIn(division, "BR-68754321");

            assertThat(validator.validate(complaint)).isEmpty();
        }

        @Test
        void mainlandBusinessNeedsACreditCode() {
            locateIn("440305", "BR-68754321");

            assertThat(validator.validate(complaint)).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                    "/ExchangeMessage/Complaint/Respondent/CreditCode",
                    "A mainland business is identified by its unified social credit code (统一社会信用代码)."));
        }

        @Test
        void creditCodeRegisteredInAnotherDivisionIsAccepted() {
            respondent.setCreditCode("914403001922038216");

            assertThat(validator.validate(complaint)).isEmpty();
        }

        @Test
        void creditCodeOfTheWrongShapeIsExplained() {
            respondent.setCreditCode("91310115MA1H8Q6T2");

            assertThat(validator.validate(complaint)).containsExactly(new Violation(ErrorCode.INVALID_CREDIT_CODE,
                    "/ExchangeMessage/Complaint/Respondent/CreditCode", "A unified social credit code has 18"
                            + " characters from 0123456789ABCDEFGHJKLMNPQRTUWXY, with digits in positions 3-8."));
        }
    }

    @Nested
    class Amounts {

        private final ExchangeMessage decision = Samples.validMessage("return-decision");

        private List<Violation> violationsWithRefund(String value) {
            decision.getReturnDecision().setRefundAmount(money(value, Currency.HKD));
            return validator.validate(decision);
        }

        @Test
        void negativeAmountIsInvalid() {
            assertThat(violationsWithRefund("-0.01")).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/ReturnDecision/RefundAmount", "The amount is negative."));
        }

        @Test
        void amountWithThreeDecimalsIsInvalid() {
            assertThat(violationsWithRefund("487.505")).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/ReturnDecision/RefundAmount", "The amount has more than 2 decimals."));
        }

        @Test
        void trailingZerosAreNotDecimals() {
            assertThat(violationsWithRefund("487.5000")).isEmpty();
        }

        @Test
        void amountWithMoreThanEighteenDigitsIsInvalid() {
            assertThat(violationsWithRefund("1E+18")).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/ReturnDecision/RefundAmount", "The amount has more than 18 digits."));
        }

        @Test
        void hugeExponentIsRefusedWithoutPrintingTheAmount() {
            assertThat(violationsWithRefund("1E+999999999")).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/ReturnDecision/RefundAmount", "The amount has more than 18 digits."));
        }

        @Test
        void tinyExponentIsRefusedWithoutPrintingTheAmount() {
            assertThat(violationsWithRefund("1E-999999999")).containsExactly(new Violation(ErrorCode.INVALID_AMOUNT,
                    "/ExchangeMessage/ReturnDecision/RefundAmount", "The amount has more than 2 decimals."));
        }

        @Test
        void everyRepeatedAmountIsCheckedAtItsOwnPath() {
            ExchangeMessage request = Samples.validMessage("return-request");
            request.getReturnRequest().getPurchase().getItem().get(1).setUnitPrice(money("-89.50", Currency.CNY));

            assertThat(validator.validate(request)).extracting(Violation::code, Violation::path).containsExactly(
                    tuple(ErrorCode.INVALID_AMOUNT, "/ExchangeMessage/ReturnRequest/Purchase/Item[2]/UnitPrice"));
        }
    }

    @Nested
    class Clocks {

        private final ExchangeMessage update = Samples.validMessage("status-update");

        @Test
        void timestampWithinTheClockSkewIsAccepted() {
            update.getStatusUpdate().setAt(NOW.plusMinutes(5));

            assertThat(validator.validate(update)).isEmpty();
        }

        @Test
        void timestampBeyondTheClockSkewIsInTheFuture() {
            update.getStatusUpdate().setAt(NOW.plusMinutes(5).plusSeconds(1));

            assertThat(validator.validate(update)).containsExactly(new Violation(ErrorCode.DATE_IN_FUTURE,
                    "/ExchangeMessage/StatusUpdate/At", "The time lies in the future."));
        }

        @Test
        void dateIsReadInChinaTime() {
            // 2026-06-01T17:00Z is already 2 June in China.
            Clock evening = Clock.fixed(Instant.parse("2026-06-01T17:00:00Z"), ZoneOffset.UTC);
            ExchangeMessage record = Samples.validMessage("investigation-record");
            record.getInvestigationRecord().setDate(LocalDate.of(2026, 6, 2));

            assertThat(new ContractValidator(DIVISIONS, evening).validate(record)).isEmpty();
        }

        @Test
        void settlementMayFallDueInTheFuture() {
            ExchangeMessage settlement = Samples.validMessage("return-settlement");
            settlement.getReturnSettlement().setDueBy(NOW.plusDays(2));

            assertThat(validator.validate(settlement)).isEmpty();
        }
    }

    @Nested
    class Reports {

        @Test
        void reportAgainstAMainlandBusinessNeedsItsCreditCode() {
            ExchangeMessage report = Samples.validMessage("report");
            report.getReport().getRespondent().setCreditCode(null);

            assertThat(validator.validate(report)).extracting(Violation::code, Violation::path)
                    .containsExactly(tuple(ErrorCode.MISSING_FIELD, "/ExchangeMessage/Report/Respondent/CreditCode"));
        }

        @Test
        void reportReceivedInTheFutureIsRefused() {
            ExchangeMessage report = Samples.validMessage("report");
            report.getReport().setReceivedAt(NOW.plusDays(1));

            assertThat(validator.validate(report)).extracting(Violation::code, Violation::path)
                    .containsExactly(tuple(ErrorCode.DATE_IN_FUTURE, "/ExchangeMessage/Report/ReceivedAt"));
        }
    }

    @Nested
    class Bodies {

        @Test
        void messageWithoutBodyIsMissingIt() {
            ExchangeMessage update = Samples.validMessage("status-update");
            update.setStatusUpdate(null);

            assertThat(validator.validate(update)).containsExactly(
                    new Violation(ErrorCode.MISSING_FIELD, "/ExchangeMessage", "A message needs a body."));
        }

        @Test
        void messageWithTwoBodiesIsRefused() {
            ExchangeMessage update = Samples.validMessage("status-update");
            update.setAcknowledgement(Samples.validMessage("acknowledgement").getAcknowledgement());

            assertThat(validator.validate(update)).containsExactly(new Violation(ErrorCode.SCHEMA_VIOLATION,
                    "/ExchangeMessage", "A message has exactly one body, not StatusUpdate, Acknowledgement."));
        }
    }

    @Nested
    class FieldsRequiredByState {

        @Test
        void notAcceptedWithReasonIsValid() {
            ExchangeMessage update = Samples.validMessage("status-update");
            update.getStatusUpdate().setState(CaseState.NOT_ACCEPTED);
            update.getStatusUpdate().setReason("同一纠纷已由其他市场监管部门受理（第十六条）。");

            assertThat(validator.validate(update)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"NOT_ACCEPTED", "MEDIATION_ENDED", "RETURNED"})
        void stateWithAGroundNeedsTheReason(String state) {
            ExchangeMessage update = Samples.validMessage("status-update");
            update.getStatusUpdate().setState(CaseState.valueOf(state));

            assertThat(validator.validate(update)).extracting(Violation::code, Violation::path)
                    .containsExactly(tuple(ErrorCode.MISSING_FIELD, "/ExchangeMessage/StatusUpdate/Reason"));
        }

        @Test
        void refusedReturnWithReasonIsValid() {
            ExchangeMessage decision = Samples.validMessage("return-decision");
            decision.getReturnDecision().setDecision(ReturnOutcome.REFUSED);
            decision.getReturnDecision().setRefundAmount(null);
            decision.getReturnDecision().setReason("商品已使用，不符合无理由退货承诺。");

            assertThat(validator.validate(decision)).isEmpty();
        }
    }
}
