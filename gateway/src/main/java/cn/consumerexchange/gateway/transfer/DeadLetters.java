package cn.consumerexchange.gateway.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * What the broker gave up on (死信): messages whose every attempt rolled back until the broker moved them to
 * {@code gateway.DLQ}. Nothing stays there unseen.
 *
 * <ul>
 * <li>A partner's inbound message is kept in {@code quarantined_input} with the reason its intake kept failing, and
 * the partner is answered with {@code GATEWAY_UNAVAILABLE}: nothing was accepted, send it again.</li>
 * <li>A delivery nudge needs no keeping, since the ledger still holds the message as due: its row is given the
 * reason and made due, and the sweeper dispatches it again.</li>
 * <li>Anything else is quarantined under the queue it came from.</li>
 * </ul>
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** Artemis's property naming the queue a dead-lettered message came from. */
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    /** Exchange property: the queue the answer to a dead-lettered partner message goes to. */
    static final String ANSWER_QUEUE = "exchangeAnswerQueue";

    private final PartnerRegistry partners;
    private final TransferLedger ledger;
    private final DeliveryLedger deliveries;
    private final IntakeFailures failures;
    private final UnavailableAnswers unavailable;

    DeadLetters(PartnerRegistry partners, TransferLedger ledger, DeliveryLedger deliveries, IntakeFailures failures,
            UnavailableAnswers unavailable) {
        this.partners = partners;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.failures = failures;
        this.unavailable = unavailable;
    }

    /**
     * Records one dead letter. For a partner's inbound message the body becomes the answer to send and
     * the exchange property {@link #ANSWER_QUEUE} names where; otherwise the body is emptied.
     */
    public void record(Exchange exchange) {
        Map<String, Object> headers = new HashMap<>(exchange.getMessage().getHeaders());
        String queue = String.valueOf(headers.get(ORIGINAL_QUEUE));
        String partnerMessageId = (String) headers.get("JMSMessageID");
        String reason = "The broker gave up on it after every attempt on " + queue + " failed; last failure: "
                + failures.of(partnerMessageId).orElse("unknown (the gateway restarted since)");
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        if (queue.startsWith(Endpoints.DELIVERY_QUEUE + ".")) {
            MessageKey key = new MessageKey((String) headers.get(Endpoints.SENDER_HEADER),
                    (String) headers.get(Endpoints.MESSAGE_ID_HEADER));
            log.warn("Delivery nudge for {} dead-lettered; the sweeper dispatches it again. {}", key, reason);
            deliveries.noteDeadLettered(key, reason);
            exchange.getMessage().setBody(null);
            return;
        }
        Optional<Partner> sender = partners.all().stream()
                .filter(partner -> partner.transport() == Transport.JMS && queue.equals(partner.inbound()))
                .findFirst();
        String partnerCode = sender.map(Partner::code).orElse(queue.length() <= 32 ? queue : queue.substring(0, 32));
        log.error("Message from {} dead-lettered and quarantined: {}", queue, reason);
        String reference = "GW-U-" + UUID.randomUUID();
        ledger.quarantine(partnerCode, reference, null, Sha256.hex(payload), payload, payload.length,
                ErrorCode.GATEWAY_UNAVAILABLE.name(), reason);
        exchange.getMessage().removeHeaders("*");
        if (sender.isEmpty()) {
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setBody(
                unavailable.answerUnder(reference, sender.get(), "The gateway could not process the message"));
        exchange.setProperty(ANSWER_QUEUE, sender.get().replies());
        exchange.getMessage().setHeader("JMSCorrelationID", partnerMessageId);
    }
}
