package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The daily settlement statement (结算对账单): one day's settlement entries, by pair of firms and regions (payer, payee)
 * and currency, with each pair's total, and the day's totals per currency reconciled against the refunds recorded that
 * day, to the cent.
 *
 * @param totals per currency: what the entries add up to, what the refunds add up to, and the difference
 */
public record SettlementStatement(LocalDate date, List<Pair> pairs, List<CurrencyTotal> totals) {

    /** The entries between one payer and one payee (firm and region), in one currency. */
    public record Pair(String payerFirm, String payerPartner, String payeeFirm, String payeePartner, String currency,
            List<SettlementEntry> entries, BigDecimal total) {
    }

    /** One currency's totals: the entries', the refunds', and what is left when they differ. */
    public record CurrencyTotal(String currency, int entries, BigDecimal entriesTotal, int refunds,
            BigDecimal refundsTotal, BigDecimal difference) {

        @JsonProperty("reconciled")
        public boolean reconciled() {
            return difference.signum() == 0;
        }
    }

    /** Whether every currency's entries add up to its refunds, to the cent. */
    @JsonProperty("reconciled")
    public boolean reconciled() {
        return totals.stream().allMatch(CurrencyTotal::reconciled);
    }

    /** The statement of {@code date} from its entries and the refunds recorded that day. */
    public static SettlementStatement of(LocalDate date, List<SettlementEntry> entries, List<Refund> refunds) {
        Map<List<String>, List<SettlementEntry>> byPair = new LinkedHashMap<>();
        for (SettlementEntry entry : entries) {
            byPair.computeIfAbsent(List.of(entry.payerFirm(), entry.payerPartner(), entry.payeeFirm(),
                    entry.payeePartner(), entry.currency()), pair -> new ArrayList<>()).add(entry);
        }
        List<Pair> pairs = new ArrayList<>();
        byPair.forEach((key, ofPair) -> pairs.add(new Pair(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4),
                List.copyOf(ofPair), sum(ofPair.stream().map(SettlementEntry::amount).toList()))));
        Map<String, List<BigDecimal>> entryAmounts = new TreeMap<>();
        Map<String, List<BigDecimal>> refundAmounts = new TreeMap<>();
        entries.forEach(entry -> entryAmounts.computeIfAbsent(entry.currency(), c -> new ArrayList<>())
                .add(entry.amount()));
        refunds.forEach(refund -> refundAmounts.computeIfAbsent(refund.currency(), c -> new ArrayList<>())
                .add(refund.amount()));
        Set<String> currencies = new TreeSet<>(entryAmounts.keySet());
        currencies.addAll(refundAmounts.keySet());
        List<CurrencyTotal> totals = new ArrayList<>();
        for (String currency : currencies) {
            List<BigDecimal> owed = entryAmounts.getOrDefault(currency, List.of());
            List<BigDecimal> refunded = refundAmounts.getOrDefault(currency, List.of());
            BigDecimal owedTotal = sum(owed);
            BigDecimal refundedTotal = sum(refunded);
            totals.add(new CurrencyTotal(currency, owed.size(), owedTotal, refunded.size(), refundedTotal,
                    owedTotal.subtract(refundedTotal)));
        }
        return new SettlementStatement(date, List.copyOf(pairs), List.copyOf(totals));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
