package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A return request as the exchange keeps it (退货申请).
 *
 * @param returnPartner   the partner of the return store's region, which sent the request
 * @param purchasePartner the partner of the region of purchase, which decides
 * @param complaintRef    the case of the complaint the return became, when refused or unanswered
 */
public record ReturnCase(String gatewayRef, String commitmentId, String firmId, String returnPartner,
        String purchasePartner, String originStore, String returnStore, BigDecimal purchaseAmount,
        String purchaseCurrency, OffsetDateTime requestedAt, OffsetDateTime answerDue, ReturnState state,
        OffsetDateTime decidedAt, String decisionReason, String complaintRef) {
}
