package cn.consumerexchange.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway, bound from {@code exchange.*}.
 *
 * @param authority         the authority code the gateway signs its own answers with
 * @param partnerLocations  where partner descriptors ({@code partners/partners.json}), declarative formats
 *                          ({@code formats/<name>/}) and working-day calendars ({@code calendars/<REGION>-<YEAR>.csv})
 *                          are read from, in order; a later location adds partners and may override a format or a
 *                          calendar. Placeholders such as {@code ${exchange.batch-root}} in descriptors are resolved
 * @param referencePrefix   prefix of the references the gateway hands out (网关受理编号)
 * @param maxMessageBytes   inbound messages larger than this are rejected before parsing
 * @param maxBatchFileBytes batch files larger than this are answered {@code DOCUMENT_TOO_LARGE} without being read,
 *                          and kept for operators
 * @param inboundConsumers  concurrent consumers per partner inbound queue; more consumers let the journal group commits
 * @param deliveryConsumers the most concurrent consumers of one partner's delivery queue
 * @param amqp              the AMQP 0.9.1 (RabbitMQ) transport
 * @param delivery          delivery to partners: retries, leases, the sweeper, circuit breakers
 * @param broker            embedded broker journal settings
 * @param simulator         simulated partners for the embedded defaults
 * @param sandbox           the conformance kit's sandbox
 * @param ledgerChain       the tamper-evident ledger: sealing, checkpoints and their signing key
 */
@ConfigurationProperties("exchange")
public record ExchangeProperties(
        @DefaultValue("EXCHANGE-HUB") String authority,
        @DefaultValue("classpath:seeds/") List<String> partnerLocations,
        @DefaultValue("GW") String referencePrefix,
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("67108864") long maxBatchFileBytes,
        @DefaultValue("8") int inboundConsumers,
        @DefaultValue("8") int deliveryConsumers,
        @DefaultValue Amqp amqp,
        @DefaultValue Delivery delivery,
        @DefaultValue Broker broker,
        @DefaultValue Simulator simulator,
        @DefaultValue Sandbox sandbox,
        @DefaultValue LedgerChain ledgerChain) {

    /**
     * @param enabled whether partners on AMQP get their routes; off on the embedded defaults, which have no RabbitMQ,
     *                so their deliveries wait on the gateway's queue until it is switched on
     */
    public record Amqp(@DefaultValue("false") boolean enabled) {
    }

    /**
     * How deliveries to partners are retried and watched. A partner's descriptor may override the back-off, the
     * horizon and the circuit's open wait ({@code "delivery"}, see {@code DeliveryPolicy}).
     *
     * @param initialBackoff wait after the first failed attempt; it doubles with every further one
     * @param maxBackoff     the longest wait between two attempts
     * @param horizon        how long transient failures (partner down, timeouts, 5xx) are retried before the message
     *                       fails and waits for an operator
     * @param lease          how long one attempt holds a message; a claim older than this belongs to a dead attempt and
     *                       is taken over
     * @param dispatchGrace  how long a message the sweeper or an operator dispatched may wait for its nudge before the
     *                       sweeper dispatches it again
     * @param sweepInterval  how often the sweeper looks for due messages
     * @param sweepBatch     the most messages one sweep dispatches
     * @param circuit        the circuit breaker in front of each receiving partner
     * @param switchRefresh  how often each instance reads the partners' switches (停用/启用) from the database and
     *                       starts or stops its delivery routes to match; read by {@code PartnerSwitchboard}
     */
    public record Delivery(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("24h") Duration horizon,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("1m") Duration dispatchGrace,
            @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("500") int sweepBatch,
            @DefaultValue Circuit circuit,
            @DefaultValue("5s") Duration switchRefresh) {
    }

    /**
     * A partner's circuit opens when too many of its recent attempts failed; while open, nothing is sent to it and its
     * messages wait in the ledger. After {@code openWait} a few probes go through, and it closes when they succeed.
     *
     * @param failureRatePercent failed share of the recent attempts that opens the circuit
     * @param window             how many recent attempts are counted
     * @param minimumAttempts    attempts needed before the rate counts
     * @param openWait           how long the circuit stays open before probing
     */
    public record Circuit(
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumAttempts,
            @DefaultValue("30s") Duration openWait) {
    }

    /**
     * @param journalBufferTimeout       how long the journal gathers writes before one flush; the disk's sync latency
     *                                   is the right order of magnitude (Artemis's default of 3.33 ms caps a consumer at
     *                                   ~300 msg/s)
     * @param maxDeliveryAttempts        deliveries of a rolled-back message before the broker moves it to the DLQ
     * @param inboundMaxDeliveryAttempts the same for partners' inbound queues: with a redelivery delay doubling from 1 s
     *                                   to at most 5 min, 20 attempts keep a partner's input on its queue through a
     *                                   database outage of about an hour
     * @param idCacheSize                duplicate-detection ids the broker remembers per address: the gateway sends to
     *                                   partner queues with {@code _AMQ_DUPL_ID}, so a resend after a crash is dropped
     * @param tcpHost                    where queue partners connect (CORE and AMQP 1.0 on one port)
     * @param tcpPort                    the port they connect to
     */
    public record Broker(
            @DefaultValue("500us") Duration journalBufferTimeout,
            @DefaultValue("10") int maxDeliveryAttempts,
            @DefaultValue("20") int inboundMaxDeliveryAttempts,
            @DefaultValue("100000") int idCacheSize,
            @DefaultValue("0.0.0.0") String tcpHost,
            @DefaultValue("61616") int tcpPort) {
    }

    /**
     * @param enabled play every partner on the gateway's own queues, as the conformance kit does
     */
    public record Sandbox(@DefaultValue("false") boolean enabled) {
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

    /**
     * The ledger's hash chain (防篡改台账), see {@code ledger.chain}.
     *
     * @param sealInterval       how often new ledger rows are sealed
     * @param settle             how old a row must be before it is sealed, so one whose transaction commits after a
     *                           later row's is not passed over; far longer than an intake transaction
     * @param sealBatch          rows read per query while sealing (payloads included)
     * @param checkpointInterval how often the chain's head is signed
     * @param privateKey         the Ed25519 signing key (PKCS#8 PEM); generated with its public key if neither exists
     * @param publicKey          its public key (X.509 PEM), all verification needs
     */
    public record LedgerChain(
            @DefaultValue("2s") Duration sealInterval,
            @DefaultValue("5s") Duration settle,
            @DefaultValue("50") int sealBatch,
            @DefaultValue("24h") Duration checkpointInterval,
            @DefaultValue("data/ledger-signing.key") Path privateKey,
            @DefaultValue("data/ledger-signing.pub") Path publicKey) {
    }
}
