package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * Gives a receiver the bytes an evidence manifest names, in its transport's way, and rewrites each item's claim check
 * to say where it finds them. Called while the manifest is written for the receiver, so the bytes are there before
 * the manifest is:
 * <ul>
 * <li>HTTP and AMQP: a short-lived download link ({@link ReceiverLinks}, served by
 * {@link EvidenceDownloadController});</li>
 * <li>JMS: each file as an Artemis large message on {@link Endpoints#evidenceOutbound}, streamed from the store, with
 * the property {@code sha256}; the claim check is {@code jms:<queue>#<sha256>};</li>
 * <li>FILE: {@code <sha256>.<ext>} beside the batch files in the partner's outbound folder, the claim check its
 * name.</li>
 * </ul>
 * Every hand-over may be repeated (a delivery attempt that died is made again): the large message carries a duplicate
 * id the broker drops, an existing file is left as it is.
 */
@Component
public class EvidenceHandOver {

    /** Artemis streams a large message's body from this property's stream, never holding it whole. */
    static final String INPUT_STREAM_PROPERTY = "JMS_AMQ_InputStream";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "application/pdf", "pdf", "video/mp4", "mp4",
            "text/plain", "txt", "audio/mpeg", "mp3", "application/zip", "zip");

    private final EvidenceStore store;
    private final ReceiverLinks links;
    private final EvidenceSettings settings;
    private final EvidenceRecords records;
    private final ConnectionFactory connectionFactory;

    public EvidenceHandOver(EvidenceStore store, ReceiverLinks links, EvidenceSettings settings,
            EvidenceRecords records, ConnectionFactory connectionFactory) {
        this.store = store;
        this.links = links;
        this.settings = settings;
        this.records = records;
        // Outside any consume's transaction, as the delivery's own sends: the files are on the queue when this returns.
        this.connectionFactory = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory()
                : connectionFactory;
    }

    /**
     * @param deliveryId the manifest's delivery id ({@code sender:messageId}), from which each file's duplicate id is
     *                   made
     */
    public void handOver(Partner receiver, ExchangeMessage manifest, String deliveryId) {
        if (manifest.getEvidence() == null) {
            return;
        }
        for (EvidenceItem item : manifest.getEvidence().getItem()) {
            try {
                item.setClaimCheck(switch (receiver.transport()) {
                    case HTTP, AMQP -> link(receiver, item);
                    case JMS -> largeMessage(receiver, item, deliveryId);
                    case FILE -> file(receiver, item);
                });
            } catch (IOException | JMSException | RuntimeException failed) {
                records.recordDelivery(receiver.code(), item.getSha256(), wayTo(receiver), "ABORTED",
                        failed.toString());
                // The delivery attempt fails with it and is retried; the manifest never goes without its bytes.
                throw new IllegalStateException("Evidence " + item.getSha256() + " could not be handed to "
                        + receiver.code() + ": " + failed, failed);
            }
        }
    }

    private static EvidenceRecords.Way wayTo(Partner receiver) {
        return switch (receiver.transport()) {
            case HTTP, AMQP -> EvidenceRecords.Way.LINK;
            case JMS -> EvidenceRecords.Way.LARGE_MESSAGE;
            case FILE -> EvidenceRecords.Way.FILE;
        };
    }

    private String link(Partner receiver, EvidenceItem item) {
        records.recordDelivery(receiver.code(), item.getSha256(), EvidenceRecords.Way.LINK, "ISSUED", null);
        return links.linkFor(receiver.code(), settings.linkLifetime(), EvidenceDownloadController.KIND,
                item.getSha256());
    }

    private String largeMessage(Partner receiver, EvidenceItem item, String deliveryId)
            throws IOException, JMSException {
        String queue = Endpoints.evidenceOutbound(receiver.code());
        try (Connection connection = connectionFactory.createConnection();
                InputStream bytes = verified(item)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            BytesMessage message = session.createBytesMessage();
            message.setStringProperty(Endpoints.EVIDENCE_SHA256_PROPERTY, item.getSha256());
            message.setLongProperty("size", item.getSize());
            message.setStringProperty("contentType", item.getContentType());
            message.setStringProperty(Endpoints.DUPLICATE_ID_PROPERTY, deliveryId + ":" + item.getSha256());
            message.setObjectProperty(INPUT_STREAM_PROPERTY, bytes);
            producer.send(message);
        } catch (JMSException failed) {
            if (!alreadyOnQueue(failed)) {
                throw failed;
            }
            // An earlier attempt sent this file and died before the manifest went: the broker kept the first copy.
        }
        records.recordDelivery(receiver.code(), item.getSha256(), EvidenceRecords.Way.LARGE_MESSAGE, "SENT", null);
        return "jms:" + queue + "#" + item.getSha256();
    }

    private static boolean alreadyOnQueue(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    /** The held file, checked again as it is read: corrupt bytes fail the hand-over rather than reach the receiver. */
    private InputStream verified(EvidenceItem item) throws IOException {
        return new VerifyingInputStream(store.open(item.getSha256()), item.getSha256(), item.getSize());
    }

    private String file(Partner receiver, EvidenceItem item) throws IOException {
        String name = item.getSha256() + "." + EXTENSIONS.getOrDefault(item.getContentType(), "bin");
        Path folder = Files.createDirectories(Path.of(receiver.outbound()));
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            // Under a temporary name the partner's pick-up ignores, then renamed: it never sees half a file.
            Path writing = folder.resolve(".writing-" + name);
            try (InputStream bytes = verified(item)) {
                Files.copy(bytes, writing, StandardCopyOption.REPLACE_EXISTING);
                Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(writing);
            }
        }
        records.recordDelivery(receiver.code(), item.getSha256(), EvidenceRecords.Way.FILE, "WRITTEN", null);
        return name;
    }
}
