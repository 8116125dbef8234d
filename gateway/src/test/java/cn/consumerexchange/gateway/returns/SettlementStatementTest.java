package cn.consumerexchange.gateway.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A day's statement: totals per pair of firms and regions, and per currency reconciled with the refunds. */
class SettlementStatementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ExchangeRate PARITY = new ExchangeRate("HKD", 100, new BigDecimal("91.27"),
            LocalDate.of(2026, 11, 20), "中国人民银行授权中国外汇交易中心公布的人民币汇率中间价");

    @Test
    void entriesAreTotalledPerPairAndReconciledPerCurrencyToTheCent() {
        SettlementStatement statement = SettlementStatement.of(DAY, List.of(
                entry("GW-1", "GZ", "SZ", "0.10", "CNY", null),
                entry("GW-2", "GZ", "SZ", "0.20", "CNY", null),
                entry("GW-3", "SZ", "HK", "218.03", "HKD", PARITY)),
                List.of(refund("GW-1", "0.10", "CNY"), refund("GW-2", "0.20", "CNY"),
                        refund("GW-3", "218.03", "HKD")));

        assertThat(statement.pairs()).extracting(pair -> pair.payerPartner() + ">" + pair.payeePartner() + " "
                + pair.total().toPlainString() + " " + pair.currency())
                .containsExactly("GZ>SZ 0.30 CNY", "SZ>HK 218.03 HKD");
        assertThat(statement.totals()).extracting(total -> total.currency() + " " + total.entriesTotal()
                .toPlainString() + "/" + total.refundsTotal().toPlainString())
                .containsExactly("CNY 0.30/0.30", "HKD 218.03/218.03");
        assertThat(statement.reconciled()).isTrue();
    }

    @Test
    void aRefundWithoutItsEntryLeavesTheDifference() {
        SettlementStatement statement = SettlementStatement.of(DAY, List.of(entry("GW-1", "GZ", "SZ", "10.00",
                "CNY", null)), List.of(refund("GW-1", "10.00", "CNY"), refund("GW-2", "0.01", "CNY")));

        assertThat(statement.reconciled()).isFalse();
        assertThat(statement.totals()).singleElement()
                .satisfies(total -> assertThat(total.difference()).isEqualByComparingTo("-0.01"));
    }

    @Test
    void theCsvHasARowPerEntryPairAndCurrencyWithTheRateItsSourceAndDate() {
        String csv = StatementCsv.write(SettlementStatement.of(DAY,
                List.of(entry("GW-3", "SZ", "HK", "218.03", "HKD", PARITY)),
                List.of(refund("GW-3", "218.03", "HKD"))));

        assertThat(csv.split("\r\n")).containsExactly(StatementCsv.HEADER,
                "ENTRY,2026-11-20,LNYP,SZ,LNYP-SZ-0305-01,LNYP,HK,LNYP-HK-0001-02,GW-3,218.03,HKD,199.00,CNY,"
                        + "100 HKD = 91.27 CNY,2026-11-20,中国人民银行授权中国外汇交易中心公布的人民币汇率中间价,,,",
                "PAIR_TOTAL,2026-11-20,LNYP,SZ,,LNYP,HK,,,218.03,HKD,,,,,,,,",
                "CURRENCY_TOTAL,2026-11-20,,,,,,,,218.03,HKD,,,,,,218.03,0.00,true");
    }

    private static final Map<String, String> STORES = Map.of("GZ", "LNYP-GZ-0106-03",
            "SZ", "LNYP-SZ-0305-01", "HK", "LNYP-HK-0001-02");

    /** An entry of the LNYP stores of two regions; a converted one was a refund of CNY 199.00. */
    private static SettlementEntry entry(String ref, String payer, String payee, String amount, String currency,
            ExchangeRate rate) {
        return new SettlementEntry(ref, DAY, "LNYP", STORES.get(payer), payer, "LNYP", STORES.get(payee), payee,
                new BigDecimal(amount), currency, new BigDecimal(rate == null ? amount : "199.00"),
                rate == null ? currency : "CNY", rate);
    }

    private static Refund refund(String ref, String amount, String currency) {
        return new Refund(ref, new BigDecimal(amount), currency, OffsetDateTime.parse("2026-11-22T10:00:00+08:00"),
                null, null);
    }
}
