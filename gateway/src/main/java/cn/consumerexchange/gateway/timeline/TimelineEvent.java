package cn.consumerexchange.gateway.timeline;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event in a case's timeline (案件时间线); only the fields of its kind are set.
 *
 * @param ledgerId      the message the event is about (a message, a delivery attempt of it)
 * @param errorCode     a rejected message's leading code, or a failed attempt's
 * @param outcome       a delivery attempt's (DELIVERED, AWAITING_RETRY, DELIVERY_FAILED) or an operator action's
 *                      (DONE, DENIED)
 * @param retryActionId the operator action that asked for this delivery attempt
 * @param actor         who: the partner that reported a state change, the operator who acted
 * @param detail        a rejection's or failure's reason (personal data masked), a transition's ground, an action's
 *                      detail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEvent(
        OffsetDateTime at,
        Kind kind,
        Long ledgerId,
        String direction,
        String messageType,
        String messageId,
        String sender,
        String receiver,
        String state,
        String traceId,
        Integer attempt,
        String outcome,
        String errorCode,
        Long retryActionId,
        Long actionId,
        String action,
        String fromState,
        String toState,
        String actor,
        String reason,
        String detail) {

    /** What happened, in the order events of the same instant are listed. */
    public enum Kind {
        /** A message in or out of the gateway (报文). */
        MESSAGE,
        /** One attempt to deliver an inbound message to its receiver (投递). */
        DELIVERY_ATTEMPT,
        /** A state change of the case (状态变更). */
        TRANSITION,
        /** Something an operator did to the case or one of its messages (人工操作). */
        OPERATOR_ACTION
    }
}
