package cn.consumerexchange.gateway.lifecycle;

import java.time.OffsetDateTime;

/**
 * One state change of a transferred case, as an operator reads the case's history.
 *
 * @param reportedBy       the partner that reported it, or {@link CaseTransitions#GATEWAY} when the hub re-routed
 * @param messageId        the status update that reported it
 * @param receivingPartner the case's receiving partner after the change
 * @param ground           the reason given: 不予受理 ground, 调解终止 ground, why the case was returned
 */
public record CaseTransition(
        String gatewayRef,
        String fromState,
        String toState,
        String reportedBy,
        String messageId,
        String receivingPartner,
        String ground,
        OffsetDateTime changedAt) {
}
