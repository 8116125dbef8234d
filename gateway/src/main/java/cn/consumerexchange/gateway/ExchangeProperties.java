package cn.consumerexchange.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway, bound from {@code exchange.*}.
 *
 * @param authority         the authority code the gateway signs its own answers with
 * @param partnersFile      the partner registry; placeholders such as {@code ${exchange.simulator.base-url}} are resolved
 * @param referencePrefix   prefix of the references the gateway hands out (网关受理编号)
 * @param maxMessageBytes   inbound messages larger than this are rejected before parsing
 * @param inboundConsumers  concurrent consumers per partner inbound queue; more consumers let the journal group commits
 * @param deliveryConsumers concurrent consumers of the delivery queue
 * @param delivery          retry policy towards partners
 * @param broker            embedded broker journal settings
 * @param simulator         simulated partners for the embedded defaults
 */
@ConfigurationProperties("exchange")
public record ExchangeProperties(
        @DefaultValue("EXCHANGE-HUB") String authority,
        @DefaultValue("classpath:seeds/partners/partners.json") String partnersFile,
        @DefaultValue("GW") String referencePrefix,
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("8") int inboundConsumers,
        @DefaultValue("8") int deliveryConsumers,
        @DefaultValue Delivery delivery,
        @DefaultValue Broker broker,
        @DefaultValue Simulator simulator) {

    /**
     * @param maximumRedeliveries attempts after the first before the delivery is parked as failed
     * @param redeliveryDelay     first delay; doubles on every attempt
     */
    public record Delivery(
            @DefaultValue("3") int maximumRedeliveries,
            @DefaultValue("1s") Duration redeliveryDelay) {
    }

    /**
     * @param journalBufferTimeout how long the journal gathers writes before one flush; the disk's sync latency is the
     *                             right order of magnitude (Artemis's default of 3.33 ms caps a consumer at ~300 msg/s)
     * @param maxDeliveryAttempts  broker-side redeliveries of a rolled-back message before it goes to the DLQ
     */
    public record Broker(
            @DefaultValue("500us") Duration journalBufferTimeout,
            @DefaultValue("10") int maxDeliveryAttempts) {
    }

    /**
     * @param enabled     serve the simulated partners' HTTP endpoints inside this gateway
     * @param baseUrl     base URL the partner registry uses for simulated partners
     * @param answerDelay how long a simulated partner waits before answering a delivered complaint
     */
    public record Simulator(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("http://localhost:8080/simulator") String baseUrl,
            @DefaultValue("2s") Duration answerDelay) {
    }
}
