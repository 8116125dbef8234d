package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;

/**
 * What an operator searches the ledger's messages by (报文查询); every criterion is optional, given ones all apply.
 *
 * @param caseRef          the gateway reference of the case, or the case reference the message carried
 * @param originCaseNumber the case number at the partner that received the complaint first (原案件编号)
 * @param partner          a partner code: the message's sender or receiver
 * @param messageId        the sender's message id
 * @param errorCode        a rejection's code (any of its reasons) or a delivery attempt's
 * @param from             created at or after
 * @param to               created before
 */
public record MessageCriteria(String caseRef, String originCaseNumber, String partner, Direction direction,
        MessageState state, MessageKind messageType, String messageId, String errorCode, OffsetDateTime from,
        OffsetDateTime to, int page, int size) {

    /**
     * The time every partner of the exchange keeps, China Standard Time (Mainland, Hong Kong, Macao): a time given
     * without an offset is read in it, and the console shows times in it.
     */
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("Asia/Shanghai");

    /** Criteria from request parameters as typed: blank ones are absent, unknown values refused. */
    public static MessageCriteria of(String caseRef, String originCaseNumber, String partner, String direction,
            String state, String messageType, String messageId, String errorCode, String from, String to,
            Integer page, Integer size) {
        return new MessageCriteria(Criteria.text(caseRef), Criteria.text(originCaseNumber), Criteria.text(partner),
                Criteria.oneOf(Direction.class, "direction", direction),
                Criteria.oneOf(MessageState.class, "state", state),
                Criteria.oneOf(MessageKind.class, "messageType", messageType), Criteria.text(messageId),
                Criteria.errorCode(errorCode), Criteria.time("from", from), Criteria.time("to", to),
                Criteria.page(page), Criteria.size(size));
    }
}
