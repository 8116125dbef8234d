package cn.consumerexchange.gateway.ledger;

import java.time.OffsetDateTime;

/**
 * One message in the transfer ledger (交换台账), without its payload.
 *
 * @param partnerCode the sender of an inbound row, the receiver of an outbound row
 * @param reason      why it was rejected or failed; for rejections one violation per line, {@code CODE|path|reason}
 */
public record LedgerEntry(
        long id,
        Direction direction,
        String partnerCode,
        String messageId,
        String messageType,
        String sender,
        String receiver,
        String caseRef,
        String gatewayRef,
        String payloadSha256,
        MessageState state,
        String reason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean isAccepted() {
        return state != MessageState.REJECTED;
    }
}
