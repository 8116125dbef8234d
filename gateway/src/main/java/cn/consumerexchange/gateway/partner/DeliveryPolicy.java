package cn.consumerexchange.gateway.partner;

import java.time.Duration;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * How deliveries to one partner are retried (投递策略). A descriptor may set any of it in its {@code "delivery"} object
 * as ISO-8601 durations (e.g. {@code {"horizon": "PT48H"}}); what it leaves out comes from {@code exchange.delivery}.
 *
 * @param initialBackoff  wait after the first failed attempt; doubles with every further one
 * @param maxBackoff      the longest wait between two attempts
 * @param horizon         how long transient failures are retried before the message fails for an operator
 * @param circuitOpenWait how long the partner's circuit stays open before it is probed
 */
public record DeliveryPolicy(Duration initialBackoff, Duration maxBackoff, Duration horizon, Duration circuitOpenWait) {

    /** This policy with every value it leaves out taken from the gateway's settings. */
    public DeliveryPolicy orDefaults(ExchangeProperties.Delivery defaults) {
        return new DeliveryPolicy(
                initialBackoff != null ? initialBackoff : defaults.initialBackoff(),
                maxBackoff != null ? maxBackoff : defaults.maxBackoff(),
                horizon != null ? horizon : defaults.horizon(),
                circuitOpenWait != null ? circuitOpenWait : defaults.circuit().openWait());
    }

    /** The wait before the next attempt after {@code failedAttempts} failed ones: exponential, capped. */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
