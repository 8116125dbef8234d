package cn.consumerexchange.gateway.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Conversions of settlements between CNY, HKD and MOP: exact decimals, rounded once to the cent, rate stated. */
class ExchangeRatesTest {

    private final ExchangeRates rates = ReturnSeeds.rates();

    @Test
    void renminbiToHongKongDollarsUsesTheParityOfTheLatestDayOnOrBefore() {
        Conversion converted = rates.convert(new BigDecimal("199.00"), "CNY", "HKD", LocalDate.of(2026, 11, 22));

        // 199.00 × 100 / 91.27 = 218.0344...
        assertThat(converted.amount()).isEqualByComparingTo("218.03");
        assertThat(converted.amount().scale()).isEqualTo(2);
        assertThat(converted.currency()).isEqualTo("HKD");
        assertThat(converted.rate().date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(converted.rate().quoted()).isEqualTo("100 HKD = 91.27 CNY");
        assertThat(converted.rate().source()).contains("中国外汇交易中心");
    }

    @Test
    void aLaterRateReplacesTheEarlierFromItsDay() {
        assertThat(rates.convert(new BigDecimal("199.00"), "CNY", "HKD", LocalDate.of(2026, 11, 27)).amount())
                .isEqualByComparingTo("217.94");
    }

    @Test
    void patacasToRenminbiRoundHalfUpToTheCent() {
        // 100.05 × 88.62 / 100 = 88.664310
        assertThat(rates.convert(new BigDecimal("100.05"), "MOP", "CNY", LocalDate.of(2026, 11, 21)).amount())
                .isEqualByComparingTo("88.66");
    }

    @Test
    void hongKongDollarsToPatacasRunThroughTheRenminbiNamingBothRates() {
        Conversion converted = rates.convert(new BigDecimal("100.00"), "HKD", "MOP", LocalDate.of(2026, 11, 21));

        // 100.00 × 91.27 / 88.62 = 102.990...
        assertThat(converted.amount()).isEqualByComparingTo("102.99");
        assertThat(converted.rate().currency()).isEqualTo("MOP");
        assertThat(converted.rate().source()).contains("100 HKD = 91.27 CNY");
    }

    @Test
    void theSameCurrencyNeedsNoRate() {
        Conversion same = rates.convert(new BigDecimal("487.50"), "CNY", "CNY", LocalDate.of(2026, 11, 21));

        assertThat(same.converted()).isFalse();
        assertThat(same.amount()).isEqualByComparingTo("487.50");
    }
}
