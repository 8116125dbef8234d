package cn.consumerexchange.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.PurchaseChannel;

class ValuesTest {

    private static Violation refusal(Runnable read) {
        UntranslatableMessageException refused = catchThrowableOfType(UntranslatableMessageException.class,
                read::run);
        assertThat(refused).isNotNull();
        assertThat(refused.messageId()).hasValue("M-1");
        return refused.violations().get(0);
    }

    @ParameterizedTest
    @CsvSource({
            "1E+999999999, NUMBER_TOO_LARGE",
            "1E+2000,      NUMBER_TOO_LARGE",
            "1.5e3,        NUMBER_TOO_LARGE",
            "12345678901234567890123456789012345678901, NUMBER_TOO_LARGE",
            "12 yuan,      INVALID_AMOUNT",
            "Infinity,     INVALID_AMOUNT",
    })
    void amountIsRefusedFromItsTextWithTheSpecificCode(String text, ErrorCode code) {
        Violation violation = refusal(() -> Values.amount(text, "$.order.amount", "M-1"));

        assertThat(violation.code()).isEqualTo(code);
        assertThat(violation.path()).isEqualTo("$.order.amount");
        assertThat(violation.reason()).doesNotContain(text);
    }

    @Test
    void plainAmountIsRead() {
        assertThat(Values.amount("1299.00", "$.amount", "M-1")).isEqualTo(new BigDecimal("1299.00"));
        assertThat(Values.amount("1299.000", "$.amount", "M-1")).isEqualByComparingTo("1299");
        assertThat(Values.amount("999999999999999999", "$.amount", "M-1")).isEqualByComparingTo("999999999999999999");
    }

    /** The contract's rules refuse these, together with every other reason the message has. */
    @ParameterizedTest
    @CsvSource({"1299.005", "1234567890123456789", "-1.00"})
    void boundedAmountTheContractRefusesIsReadForItsRules(String text) {
        assertThat(Values.amount(text, "$.amount", "M-1")).isEqualByComparingTo(text);
    }

    @Test
    void unsupportedCurrencyHasItsOwnCode() {
        assertThat(refusal(() -> Values.currency("USD", "$.order.currency", "M-1"))).isEqualTo(new Violation(
                ErrorCode.UNSUPPORTED_CURRENCY, "$.order.currency", "Value 'USD' is not one of [CNY, HKD, MOP]."));
        assertThat(Values.currency("HKD", "$.order.currency", "M-1")).isEqualTo(Currency.HKD);
    }

    @Test
    void unreadableValueIsNotRepeated() {
        assertThat(refusal(() -> Values.date("李晓华 13800138000", "$.orderDate", "M-1")).reason())
                .isEqualTo("The value is not a date such as 2026-10-02.");
        assertThat(refusal(() -> Values.enumValue(PurchaseChannel.class, "mail", "$.channel", "M-1")).reason())
                .startsWith("Value 'mail' is not one of [");
    }
}
