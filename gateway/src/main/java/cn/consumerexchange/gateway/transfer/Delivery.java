package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.evidence.EvidenceHandOver;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerCircuits;
import cn.consumerexchange.gateway.partner.PartnerMetrics;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;
import cn.consumerexchange.gateway.recognition.Recognition;
import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * The steps of one attempt to deliver an accepted message to its receiving partner (送达): claim it in the ledger,
 * write it in the receiver's format, send it through the partner's circuit, record the outcome.
 *
 * <p>Every send can be repeated harmlessly, because a crash between "the partner took it" and "the ledger recorded it"
 * means it is sent again: HTTP partners get an {@code Idempotency-Key}, queue partners a duplicate id their broker
 * drops, AMQP partners a stable message id, file partners the same file name, written atomically. All of them are
 * {@code sender:messageId}.
 */
@Component
public class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    static final String KEY = "exchangeMessageKey";
    static final String RECEIVER = "exchangeReceiver";
    static final String GATEWAY_REF = "exchangeGatewayRef";
    static final String CLAIMED = "exchangeClaimed";
    static final String STARTED = "exchangeAttemptStarted";
    static final String NATIVE_COPY = "exchangeNativeCopy";
    /** When this attempt claimed the message, for its delivery_attempt row. */
    static final String CLAIMED_AT = "exchangeClaimedAt";
    /** The operator action replaying a delivered message: the nudge's header and the exchange property. */
    static final String REPLAY_ACTION = "exchangeReplayAction";
    static final String MESSAGE_TYPE = "exchangeMessageType";
    /** The format the nudge's body is written in (see {@link ReceiverCopy}); null for a contract document. */
    static final String WRITTEN_FOR = "exchangeWrittenFor";
    static final String TRACE = "exchangeTrace";
    /** Lets an HTTP partner recognise a delivery it has already taken, should it arrive twice after a crash. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DeliveryLedger ledger;
    private final PartnerRegistry partners;
    private final PartnerCircuits circuits;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final Clock clock;
    private final Duration lease;
    private final Recognition recognition;
    private final EvidenceHandOver evidence;
    private final PartnerMetrics metrics;
    private final DeliveryDispatcher dispatcher;

    public Delivery(DeliveryLedger ledger, PartnerRegistry partners, PartnerCircuits circuits,
            AdapterCatalog adapters, ContractCodec codec, Clock clock, ExchangeProperties properties,
            Recognition recognition, EvidenceHandOver evidence, PartnerMetrics metrics, DeliveryDispatcher dispatcher) {
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.partners = partners;
        this.circuits = circuits;
        this.adapters = adapters;
        this.codec = codec;
        this.clock = clock;
        this.lease = properties.delivery().lease();
        this.recognition = recognition;
        this.evidence = evidence;
    }

    /**
     * Reads the nudge (which message, for whom) into exchange properties, drops its headers so none reaches the
     * partner, and claims the message for this attempt. A message delivered, failed or held by a live attempt is left.
     */
    public void claim(Exchange exchange) {
        Map<String, Object> nudge = exchange.getMessage().getHeaders();
        MessageKey key = new MessageKey((String) nudge.get(Endpoints.SENDER_HEADER),
                (String) nudge.get(Endpoints.MESSAGE_ID_HEADER));
        exchange.setProperty(KEY, key);
        exchange.setProperty(RECEIVER, nudge.get(Endpoints.RECEIVER_HEADER));
        exchange.setProperty(GATEWAY_REF, nudge.get(Endpoints.GATEWAY_REF_HEADER));
        exchange.setProperty(REPLAY_ACTION, nudge.get(REPLAY_ACTION));
        Object writtenFor = nudge.get(Endpoints.WRITTEN_FOR_HEADER);
        if (writtenFor != null) {
            exchange.setProperty(WRITTEN_FOR, writtenFor);
            exchange.setProperty(MESSAGE_TYPE, MessageKind.valueOf((String) nudge.get(Endpoints.MESSAGE_TYPE_HEADER)));
        }
        boolean heldByIntake = Boolean.TRUE.equals(nudge.get(Endpoints.HELD_BY_INTAKE_HEADER));
        // The nudge carries the message's trace (调用链); the attempt's log lines show it until the attempt ends.
        TraceParent trace = TraceParent.parse((String) nudge.get(TraceParent.HEADER)).orElseGet(TraceParent::start);
        exchange.setProperty(TRACE, trace);
        exchange.getMessage().removeHeaders("*");
        exchange.setProperty(CLAIMED_AT, OffsetDateTime.now(clock));
        boolean claimed = ledger.claim(key, lease, heldByIntake);
        exchange.setProperty(CLAIMED, claimed);
        if (claimed) {
            MDC.put(TraceParent.MDC_KEY, trace.traceId());
        }
    }

    /**
     * The message as the receiver gets it: addressed to its authority and carrying the gateway's reference, an evidence
     * manifest's bytes handed over, and, when its type needs recognition (互认), the signed original, the sender's
     * signature and the gateway's verdict on it. A replay goes out under a delivery id of its own, so the receiver's
     * de-duplication does not drop the copy it lost. A nudge that carries the copy the intake wrote for the receiver's
     * format is sent as it is; a contract document is written here, and a copy for a format the receiver no longer
     * has is read again from the ledger and written here.
     */
    public byte[] toNative(@ExchangeProperty(KEY) MessageKey key, @ExchangeProperty(RECEIVER) String receiverCode,
            @ExchangeProperty(GATEWAY_REF) String gatewayRef, @ExchangeProperty(REPLAY_ACTION) Long replayAction,
            @ExchangeProperty(WRITTEN_FOR) String writtenFor, byte[] body, @Headers Map<String, Object> headers,
            Exchange exchange) {
        Partner receiver = partners.require(receiverCode);
        PartnerAdapter adapter = adapters.forFormat(receiver.format());
        ExchangeMessage message = adapter.format().equals(writtenFor) ? null
                : writtenFor != null ? dispatcher.contractOf(key)
                : codec.readWritten(body);
        if (message != null) {
            exchange.setProperty(MESSAGE_TYPE, message.getEnvelope().getMessageType());
            ReceiverCopy.address(message, receiver.authority(), gatewayRef);
        }
        MessageKind type = exchange.getProperty(MESSAGE_TYPE, MessageKind.class);
        // The intake accepted the message only from the partner whose authority its envelope names as the sender.
        String deliveryId = (message == null
                ? partners.require(key.partnerCode()).authority() + ":" + key.messageId()
                : message.getEnvelope().getSender() + ":" + message.getEnvelope().getMessageId())
                + (replayAction == null ? "" : ":replay-" + replayAction);
        headers.put(Exchange.CONTENT_TYPE, adapter.mediaType());
        if (receiver.transport() != Transport.FILE) {
            headers.put(TraceParent.HEADER, exchange.getProperty(TRACE, TraceParent.class).nextHop().toString());
        }
        switch (receiver.transport()) {
            case HTTP -> {
                headers.put(Exchange.HTTP_METHOD, "POST");
                headers.put(IDEMPOTENCY_KEY, deliveryId);
            }
            case JMS -> headers.put(Endpoints.DUPLICATE_ID_PROPERTY, deliveryId);
            case AMQP -> headers.put(SpringRabbitMQConstants.MESSAGE_ID, deliveryId);
            case FILE -> headers.put(Endpoints.FILE_NAME_HEADER, DeliveryFileName.of(deliveryId, adapter.mediaType()));
        }
        if (message != null) {
            // An evidence manifest's bytes reach the receiver first, and its claim checks say where (see evidence/).
            evidence.handOver(receiver, message, deliveryId);
        }
        recognition.addToDelivery(key, type, receiver, headers);
        return message == null ? body : adapter.toNative(message);
    }

    /**
     * Asks the receiver's circuit whether it may be tried now.
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when it is open
     */
    public void beforeSend(@ExchangeProperty(RECEIVER) String receiver, Exchange exchange) {
        exchange.setProperty(NATIVE_COPY, exchange.getMessage().getBody(byte[].class));
        exchange.setProperty(STARTED, circuits.acquire(receiver));
    }

    /** Records what went out; the native copy, since the body now holds the partner's response. */
    public void delivered(@ExchangeProperty(KEY) MessageKey key, @ExchangeProperty(RECEIVER) String receiver,
            @ExchangeProperty(MESSAGE_TYPE) Object type, @ExchangeProperty(STARTED) long started,
            @ExchangeProperty(NATIVE_COPY) byte[] sent, @ExchangeProperty(CLAIMED_AT) OffsetDateTime claimedAt) {
        try {
            circuits.succeeded(receiver, started);
            ledger.recordDelivered(key, receiver, Sha256.hex(sent), sent, claimedAt)
                    .ifPresent(acceptedAt -> metrics.delivered(receiver, type, acceptedAt));
        } finally {
            MDC.remove(TraceParent.MDC_KEY);
        }
    }

    /**
     * Records a failed attempt: retried later when the failure may pass, failed at once when the partner refused the
     * message. If this record cannot be written either (the database is down), the exception rolls the nudge back to
     * the broker, and the claim's lease lets the sweeper take the message up later.
     */
    public void attemptFailed(@ExchangeProperty(KEY) MessageKey key, @ExchangeProperty(RECEIVER) String receiver,
            @ExchangeProperty(MESSAGE_TYPE) Object type, @ExchangeProperty(STARTED) Long started,
            @ExchangeProperty(NATIVE_COPY) byte[] sent, @ExchangeProperty(CLAIMED_AT) OffsetDateTime claimedAt,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        try {
            recordFailure(key, receiver, type, started, sent, claimedAt, cause);
        } finally {
            MDC.remove(TraceParent.MDC_KEY);
        }
    }

    private void recordFailure(MessageKey key, String receiver, Object type, Long started, byte[] sent,
            OffsetDateTime claimedAt, Exception cause) {
        if (started != null && DeliveryFailure.alreadyTaken(cause)) {
            log.info("{} was already on {}'s queue from an attempt that died; recorded as delivered", key, receiver);
            delivered(key, receiver, type, started, sent, claimedAt);
            return;
        }
        DeliveryFailure failure = DeliveryFailure.of(cause);
        metrics.deliveryFailed(receiver, type, failure.kind().name().toLowerCase(Locale.ROOT));
        if (started != null) {
            if (failure.kind() == DeliveryFailure.Kind.TRANSIENT) {
                circuits.failed(receiver, started, cause);
            } else {
                circuits.succeeded(receiver, started);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DeliveryLedger.FailedAttempt attempt = new DeliveryLedger.FailedAttempt(claimedAt, failure.code().name(),
                failure.detail());
        RetryPlan plan = RetryPlan.after(failure, partners.require(receiver).delivery(),
                ledger.attemptsOf(key).orElseThrow(), now);
        if (plan instanceof RetryPlan.RetryAt retry) {
            log.debug("Delivery of {} to {} deferred to {} ({})", key, receiver, retry.at(), failure.kind());
            ledger.awaitRetry(key, retry.at(), retry.reason(), attempt, retry.attempted());
        } else if (plan instanceof RetryPlan.Fail fail) {
            // The reason may quote the partner's answer, which may quote the message: it stays in the ledger.
            log.warn("Delivery of {} to {} failed ({}); the reason is in the ledger", key, receiver, failure.kind());
            ledger.fail(key, fail.reason(), attempt);
        }
    }
}
