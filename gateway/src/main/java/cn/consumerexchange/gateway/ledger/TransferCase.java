package cn.consumerexchange.gateway.ledger;

import java.time.OffsetDateTime;

/**
 * A complaint transferred (转办) from the partner that received it to the partner with jurisdiction.
 *
 * @param gatewayRef        the reference the gateway handed out when it accepted the complaint
 * @param receivingDivision the respondent's GB/T 2260 division that decided jurisdiction
 * @param state             the case's state (案件状态), as the lifecycle allowed it
 * @param needsOperator     whether the case was returned (退回) and no other partner can take it: an operator decides
 * @param linkedCase        the other case of one submission: a complaint's report case (举报) or a report's complaint
 *                          case (art. 9), or {@code null}
 * @param jurisdiction      why the receiving partner has jurisdiction (art. 13–14), or {@code null} for a case opened
 *                          before the gateway recorded it
 */
public record TransferCase(
        String gatewayRef,
        String originPartner,
        String originCaseNumber,
        String originMessageId,
        String receivingPartner,
        String receivingDivision,
        String state,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,
        boolean needsOperator,
        String linkedCase,
        CaseJurisdiction jurisdiction) {

    /** The same case, linked to {@code otherCase} of the same submission. */
    public TransferCase linkedTo(String otherCase) {
        return new TransferCase(gatewayRef, originPartner, originCaseNumber, originMessageId, receivingPartner,
                receivingDivision, state, receivedAt, updatedAt, needsOperator, otherCase, jurisdiction);
    }

    /** The other party of the case, seen from {@code partnerCode}. */
    public String counterpartOf(String partnerCode) {
        return originPartner.equals(partnerCode) ? receivingPartner : originPartner;
    }

    public boolean involves(String partnerCode) {
        return originPartner.equals(partnerCode) || receivingPartner.equals(partnerCode);
    }
}
