package cn.consumerexchange.gateway.drill;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One direction of the drill reconciled at its receiver by message id: what the sender was told was accepted against
 * what the receiver actually took.
 *
 * @param name                   e.g. {@code SZ -> SH}
 * @param sent                   complaints the sender offered
 * @param acknowledged           complaints answered ACCEPTED
 * @param rejected               complaints answered REJECTED
 * @param unanswered             complaints with no answer when the senders' deadline passed
 * @param resends                sends again of a complaint the sender had no answer for
 * @param otherReference         acceptances naming another gateway reference than the first for the same message
 * @param deliveredOnce          acknowledged complaints the receiver took exactly once
 * @param deliveredMoreThanOnce  acknowledged complaints the receiver took more than once
 * @param repeatsWithSameKey     of those, the ones whose every copy carried the same idempotency key or duplicate id
 * @param missing                acknowledged complaints the receiver never took
 * @param deliveredUnacknowledged complaints the receiver took that the sender was never told were accepted
 * @param gatewayMessages        messages the receiver took that the sender never sent: the gateway's own, such as a
 *                               related-case notice (并案提示) about two of the drill's complaints
 * @param consumerRedeliveries   copies the broker handed the drill's consumer again (same JMS message id), not counted
 *                               as deliveries
 * @param unreadable             deliveries whose message id could not be read
 * @param missingExamples        a few of the missing message ids, to look up in the ledger and the logs
 */
record FlowFigures(
        String name,
        int sent,
        int acknowledged,
        int rejected,
        int unanswered,
        int resends,
        int otherReference,
        int deliveredOnce,
        int deliveredMoreThanOnce,
        int repeatsWithSameKey,
        int missing,
        int deliveredUnacknowledged,
        int gatewayMessages,
        int consumerRedeliveries,
        int unreadable,
        List<String> missingExamples) {

    private static final int EXAMPLES = 5;

    static FlowFigures reconcile(String name, int sent, Acknowledgements answers, List<String> unanswered,
            int resends, DeliveryLog received) {
        Map<String, String> accepted = answers.accepted();
        int once = 0;
        int repeated = 0;
        int repeatedSameKey = 0;
        Set<String> missing = new TreeSet<>();
        for (String messageId : accepted.keySet()) {
            List<DeliveryLog.Copy> copies = received.copiesOf(messageId);
            if (copies.isEmpty()) {
                missing.add(messageId);
            } else if (copies.size() == 1) {
                once++;
            } else {
                repeated++;
                if (DeliveryLog.sameKey(copies)) {
                    repeatedSameKey++;
                }
            }
        }
        // Every complaint sent ends accepted, rejected or unanswered; anything else the receiver took is the gateway's.
        Set<String> sentIds = new HashSet<>(accepted.keySet());
        sentIds.addAll(answers.rejected().keySet());
        sentIds.addAll(unanswered);
        int unacknowledged = (int) received.messageIds().stream()
                .filter(id -> sentIds.contains(id) && !accepted.containsKey(id)).count();
        int gatewayMessages = (int) received.messageIds().stream().filter(id -> !sentIds.contains(id)).count();
        return new FlowFigures(name, sent, accepted.size(), answers.rejected().size(), unanswered.size(),
                resends, answers.otherReference(), once, repeated, repeatedSameKey, missing.size(), unacknowledged,
                gatewayMessages, received.consumerRedeliveries(), received.unreadableCount(),
                missing.stream().limit(EXAMPLES).toList());
    }
}
