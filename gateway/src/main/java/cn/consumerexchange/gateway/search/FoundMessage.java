package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;

import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;

/**
 * A ledger message as a search lists it: no payload, the reason with personal data masked.
 *
 * @param partner   the sender of an inbound row, the receiver of an outbound row
 * @param errorCode the code a rejection's answer leads with
 */
public record FoundMessage(long id, Direction direction, String partner, String messageId, String messageType,
        String sender, String receiver, String caseRef, String gatewayRef, String originCaseNumber,
        MessageState state, String errorCode, String reason, int attempts, String traceId, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, boolean payloadPurged) {
}
