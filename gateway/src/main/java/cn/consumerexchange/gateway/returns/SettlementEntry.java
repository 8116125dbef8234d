package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the store of purchase (payer) owes the return store (payee) for an approved return's refund (结算), in the
 * payee's currency. A conversion from the refund's currency states its rate, source and date.
 *
 * @param refundAmount the refund the region of purchase approved, in the purchase's currency
 * @param rate         the rate the amount was converted at, or {@code null} when no conversion was needed
 */
public record SettlementEntry(String gatewayRef, LocalDate statementDate, String payerFirm, String payerStore,
        String payerPartner, String payeeFirm, String payeeStore, String payeePartner, BigDecimal amount,
        String currency, BigDecimal refundAmount, String refundCurrency, ExchangeRate rate) {
}
