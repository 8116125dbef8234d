package cn.consumerexchange.gateway.ledger;

import java.time.OffsetDateTime;

/**
 * A complaint transferred (转办) from the partner that received it to the partner with jurisdiction.
 *
 * @param gatewayRef        the reference the gateway handed out when it accepted the complaint
 * @param receivingDivision the respondent's GB/T 2260 division that decided jurisdiction
 * @param state             the latest case state reported by the receiving side
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
        OffsetDateTime updatedAt) {

    /** The other party of the case, seen from {@code partnerCode}. */
    public String counterpartOf(String partnerCode) {
        return originPartner.equals(partnerCode) ? receivingPartner : originPartner;
    }

    public boolean involves(String partnerCode) {
        return originPartner.equals(partnerCode) || receivingPartner.equals(partnerCode);
    }
}
