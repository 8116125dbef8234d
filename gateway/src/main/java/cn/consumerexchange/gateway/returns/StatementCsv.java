package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a settlement statement as CSV (RFC 4180, UTF-8): one {@code ENTRY} row per settlement entry, a
 * {@code PAIR_TOTAL} row after each pair of firms and regions, and a {@code CURRENCY_TOTAL} row per currency with the
 * refunds it reconciles against. A text a spreadsheet would run as a formula gets a leading {@code '}.
 */
final class StatementCsv {

    static final String HEADER = "record_type,statement_date,payer_firm,payer_region,payer_store,payee_firm,"
            + "payee_region,payee_store,return_ref,amount,currency,refund_amount,refund_currency,rate,rate_date,"
            + "rate_source,refunds_total,difference,reconciled";

    private StatementCsv() {
    }

    static String write(SettlementStatement statement) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        String date = statement.date().toString();
        for (SettlementStatement.Pair pair : statement.pairs()) {
            for (SettlementEntry entry : pair.entries()) {
                ExchangeRate rate = entry.rate();
                row(csv, "ENTRY", date, entry.payerFirm(), entry.payerPartner(), entry.payerStore(),
                        entry.payeeFirm(), entry.payeePartner(), entry.payeeStore(), entry.gatewayRef(),
                        plain(entry.amount()), entry.currency(), plain(entry.refundAmount()), entry.refundCurrency(),
                        rate == null ? "" : rate.quoted(), rate == null ? "" : rate.date().toString(),
                        rate == null ? "" : rate.source(), "", "", "");
            }
            row(csv, "PAIR_TOTAL", date, pair.payerFirm(), pair.payerPartner(), "", pair.payeeFirm(),
                    pair.payeePartner(), "", "", plain(pair.total()), pair.currency(), "", "", "", "", "", "", "", "");
        }
        for (SettlementStatement.CurrencyTotal total : statement.totals()) {
            row(csv, "CURRENCY_TOTAL", date, "", "", "", "", "", "", "", plain(total.entriesTotal()),
                    total.currency(), "", "", "", "", "", plain(total.refundsTotal()), plain(total.difference()),
                    String.valueOf(total.reconciled()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        csv.append(Stream.of(fields).map(StatementCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value
                : value;
        return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + safe.replace("\"", "\"\"") + '"'
                : safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
