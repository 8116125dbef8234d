package cn.consumerexchange.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ErrorCode;

class ExpectedRejectionTest {

    @Test
    void theFileNameDeclaresTheCode() {
        assertThat(ExpectedRejection.declaredBy(Path.of("rejected/INVALID_CREDIT_CODE-wrong-check-character.xml")))
                .contains(ErrorCode.INVALID_CREDIT_CODE);
        assertThat(ExpectedRejection.declaredBy(Path.of("MISSING_FIELD.json"))).contains(ErrorCode.MISSING_FIELD);
    }

    @Test
    void aNameWithoutACodeDeclaresNothing() {
        assertThat(ExpectedRejection.declaredBy(Path.of("bad-credit-code.xml"))).isEmpty();
        assertThat(ExpectedRejection.declaredBy(Path.of("INVALID_CREDIT_CODES.xml"))).isEmpty();
    }

    @Test
    void theLedgersCodesWinOverTheAnswersText() {
        assertThat(ExpectedRejection.codesIn(Optional.of("INVALID_CREDIT_CODE|/ExchangeMessage/Complaint|bad\n"
                + "MISSING_FIELD|/ExchangeMessage/Complaint/Facts|Facts is required"), "UNKNOWN_CASE"))
                .containsExactly("INVALID_CREDIT_CODE", "MISSING_FIELD");
    }

    @Test
    void withoutALedgerEntryTheAnswerNamesTheCodes() {
        assertThat(ExpectedRejection.codesIn(Optional.empty(),
                "REJECT,XX-1,,,,,,,,UNTRANSLATABLE_NATIVE_MESSAGE|MISSING_FIELD,/,NOT_A_CODE"))
                .containsExactly("MISSING_FIELD", "UNTRANSLATABLE_NATIVE_MESSAGE");
    }
}
