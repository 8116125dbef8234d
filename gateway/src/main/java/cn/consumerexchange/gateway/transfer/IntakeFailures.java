package cn.consumerexchange.gateway.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The last failure of each queue message whose intake failed and rolled back, so that a message the broker finally
 * dead-letters is recorded with the reason it kept failing, not only with the fact. Kept in memory and bounded: after
 * a restart the reason of an earlier failure is unknown, and the record says so.
 */
@Component
public class IntakeFailures {

    private static final int REMEMBERED = 10_000;

    private final Map<String, String> lastFailure = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public void remember(@Header("JMSMessageID") String jmsMessageId,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (jmsMessageId != null && failure != null) {
            synchronized (lastFailure) {
                lastFailure.put(jmsMessageId, failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
        }
    }

    Optional<String> of(String jmsMessageId) {
        synchronized (lastFailure) {
            return Optional.ofNullable(jmsMessageId == null ? null : lastFailure.remove(jmsMessageId));
        }
    }
}
