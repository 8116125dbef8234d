package cn.consumerexchange.gateway.drill;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a sending partner was answered, by its message id: the gateway reference of every ACCEPTED acknowledgement,
 * the reason of every rejection. A message answered more than once (it was sent again) keeps its first answer; an
 * acceptance that names another reference than the first is counted, since the gateway promises the same answer.
 */
final class Acknowledgements {

    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger otherReference = new AtomicInteger();

    /** An acceptance; one without a gateway reference (a gateway bug) is kept with an empty one. */
    void accepted(String messageId, String gatewayRef) {
        answers.incrementAndGet();
        String first = accepted.putIfAbsent(messageId, gatewayRef == null ? "" : gatewayRef);
        if (first != null && !first.equals(gatewayRef == null ? "" : gatewayRef)) {
            otherReference.incrementAndGet();
        }
    }

    void rejected(String messageId, String reason) {
        answers.incrementAndGet();
        rejected.putIfAbsent(messageId, reason);
    }

    boolean isAnswered(String messageId) {
        return accepted.containsKey(messageId) || rejected.containsKey(messageId);
    }

    /** Message id to gateway reference, for every message acknowledged as ACCEPTED. */
    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    /** Message id to the reason given, for every message rejected. */
    Map<String, String> rejected() {
        return Map.copyOf(rejected);
    }

    /** Every answer received, repeats included. */
    int answers() {
        return answers.get();
    }

    /** Acceptances of a message already accepted under another gateway reference. */
    int otherReference() {
        return otherReference.get();
    }
}
