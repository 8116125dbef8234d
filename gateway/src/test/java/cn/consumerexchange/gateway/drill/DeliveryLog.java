package cn.consumerexchange.gateway.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a receiving partner took, by message id: one {@link Copy} per delivery it accepted. Two copies of one message
 * are two deliveries, unless they are the same broker message handed to the drill's consumer again after a broken
 * connection (same JMS message id): that is the drill's own consumer, not the gateway, and is only counted.
 */
final class DeliveryLog {

    /**
     * @param key         the idempotency key the delivery carried: the HTTP {@code Idempotency-Key} header or the
     *                    Artemis duplicate id {@code _AMQ_DUPL_ID}; null when it carried none
     * @param transportId the broker's id of a JMS delivery; null over HTTP, where every request is a delivery
     */
    record Copy(String key, String transportId) {
    }

    private final Map<String, List<Copy>> copies = new ConcurrentHashMap<>();
    private final Set<String> transportIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger consumerRedeliveries = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();

    void delivered(String messageId, String key, String transportId) {
        if (transportId != null && !transportIds.add(transportId)) {
            consumerRedeliveries.incrementAndGet();
            return;
        }
        copies.computeIfAbsent(messageId, id -> new CopyOnWriteArrayList<>()).add(new Copy(key, transportId));
    }

    /** A delivery whose message id could not be read; it cannot be reconciled. */
    void unreadable() {
        unreadable.incrementAndGet();
    }

    List<Copy> copiesOf(String messageId) {
        return copies.getOrDefault(messageId, List.of());
    }

    boolean contains(String messageId) {
        return copies.containsKey(messageId);
    }

    Set<String> messageIds() {
        return Set.copyOf(copies.keySet());
    }

    int consumerRedeliveries() {
        return consumerRedeliveries.get();
    }

    int unreadableCount() {
        return unreadable.get();
    }

    /**
     * Waits until this receiver holds every complaint the sender was told was accepted, at least {@code expected} of
     * them, or until {@code timeout} passes: the reconciliation that follows says what is missing.
     */
    void awaitEveryAcknowledged(Acknowledgements answers, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> accepted = answers.accepted();
            if (accepted.size() >= expected && accepted.keySet().stream().allMatch(this::contains)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Whether every copy of the message carried one and the same key. */
    static boolean sameKey(List<Copy> copies) {
        String first = copies.get(0).key();
        return first != null && copies.stream().allMatch(copy -> Objects.equals(first, copy.key()));
    }
}
