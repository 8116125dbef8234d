package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An approved return's refund (退款) to the consumer, paid first by the return store in its own currency.
 *
 * @param dueBy      when it must be paid: 48 hours after approval under an advance-payment scheme, else the
 *                   commitment's refund time
 * @param schemeId   the advance-payment scheme (先行垫付) it is paid under, or {@code null}
 * @param refundedAt when the return store's region reported it paid, or {@code null}
 */
public record Refund(String gatewayRef, BigDecimal amount, String currency, OffsetDateTime dueBy, String schemeId,
        OffsetDateTime refundedAt) {
}
