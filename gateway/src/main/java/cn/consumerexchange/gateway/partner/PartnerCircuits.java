package cn.consumerexchange.gateway.partner;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A circuit breaker per receiving partner (熔断), with Resilience4j. While a partner's circuit is open nothing is sent
 * to it: its messages wait in the ledger instead of spending attempts. After the open wait a probe goes through; when
 * the partner takes it the circuit closes and every message waiting for the partner is made due at once, so an outage
 * heals without an operator and without waiting out each message's back-off.
 *
 * <p>Only transient failures count against a partner: a partner that refuses a message with a 4xx is up.
 */
@Component
public class PartnerCircuits {

    private static final Logger log = LoggerFactory.getLogger(PartnerCircuits.class);

    private final Map<String, CircuitBreaker> byPartner;

    public PartnerCircuits(PartnerRegistry partners, ExchangeProperties properties, DeliveryLedger ledger) {
        ExchangeProperties.Circuit settings = properties.delivery().circuit();
        this.byPartner = partners.all().stream().collect(Collectors.toUnmodifiableMap(Partner::code,
                partner -> circuit(partner, settings, ledger)));
    }

    private static CircuitBreaker circuit(Partner partner, ExchangeProperties.Circuit settings,
            DeliveryLedger ledger) {
        CircuitBreaker circuit = CircuitBreaker.of("delivery-" + partner.code(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRatePercent())
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumAttempts())
                .waitDurationInOpenState(partner.delivery().circuitOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        circuit.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.StateTransition transition = event.getStateTransition();
            log.warn("Deliveries to {}: circuit {} -> {}", partner.code(), transition.getFromState(),
                    transition.getToState());
            if (transition.getToState() == CircuitBreaker.State.CLOSED) {
                ledger.dueNow(partner.code());
            }
        });
        return circuit;
    }

    /**
     * Asks to send to the partner now.
     *
     * @return the time the attempt started, for {@link #succeeded} and {@link #failed}
     * @throws CallNotPermittedException when the partner's circuit is open
     */
    public long acquire(String partnerCode) {
        circuit(partnerCode).acquirePermission();
        return System.nanoTime();
    }

    public void succeeded(String partnerCode, long startedNanos) {
        circuit(partnerCode).onSuccess(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a transient failure against the partner. */
    public void failed(String partnerCode, long startedNanos, Throwable failure) {
        circuit(partnerCode).onError(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS, failure);
    }

    public CircuitBreaker.State state(String partnerCode) {
        return circuit(partnerCode).getState();
    }

    /** Whether the partner is being left alone: open, or probing with its one call under way. */
    public boolean isOpen(String partnerCode) {
        return state(partnerCode) != CircuitBreaker.State.CLOSED;
    }

    private CircuitBreaker circuit(String partnerCode) {
        CircuitBreaker circuit = byPartner.get(partnerCode);
        if (circuit == null) {
            throw new IllegalArgumentException("No partner " + partnerCode);
        }
        return circuit;
    }
}
