package cn.consumerexchange.gateway;

/** Every internal queue and Camel endpoint of the gateway, named in one place. */
public final class Endpoints {

    /** Prefix of the queues where accepted messages wait for their receiving partner, one queue per partner. */
    public static final String DELIVERY_QUEUE = "gateway.delivery";

    /** The inbound pipeline every transport feeds: translate, validate, record, route. */
    public static final String INTAKE = "direct:intake";
    /** Puts an accepted contract message on its receiver's delivery queue. */
    public static final String HAND_OFF = "direct:hand-off";

    /** Exchange property: the {@code IntakeResult} of the message the intake just received. */
    public static final String INTAKE_RESULT = "exchangeIntakeResult";

    /** JMS property of an evidence file's large message: the SHA-256 of its bytes, the file's key. */
    public static final String EVIDENCE_SHA256_PROPERTY = "sha256";

    /** The broker's dead-letter queue: messages the broker gave up redelivering. */
    public static final String DEAD_LETTER_QUEUE = "gateway.DLQ";

    /** Camel header: code of the partner a message came from or goes to. */
    public static final String PARTNER_HEADER = "exchangePartner";
    /** Camel header: the detached JWS a partner sent with its message, if any (see {@code recognition}). */
    public static final String SIGNATURE_HEADER = "exchangeSignature";
    /** Camel/JMS header of a nudge: the partner that sent the message to deliver (with the message id, its key). */
    public static final String SENDER_HEADER = "exchangeSender";
    /** Camel/JMS header of a nudge: the sender's message id. */
    public static final String MESSAGE_ID_HEADER = "exchangeMessageId";
    /** Camel/JMS header of a nudge: sent by the intake, which recorded the message as claimed for this nudge. */
    public static final String HELD_BY_INTAKE_HEADER = "exchangeHeldByIntake";
    /** Camel/JMS header: the gateway reference of the case a delivered message belongs to. */
    public static final String GATEWAY_REF_HEADER = "exchangeGatewayRef";
    /** Camel/JMS header: the partner a message is delivered to. */
    public static final String RECEIVER_HEADER = "exchangeReceiver";
    /**
     * Camel/JMS header of a nudge whose body is the message already written in the receiver's format at intake: that
     * format's name. A nudge without it carries the contract document.
     */
    public static final String WRITTEN_FOR_HEADER = "exchangeWrittenFor";
    /** Camel/JMS header of a nudge: the type of the message, with {@link #WRITTEN_FOR_HEADER}. */
    public static final String MESSAGE_TYPE_HEADER = "exchangeMessageType";
    /** Camel header: the file a delivery to a batch-file partner is written to. */
    public static final String FILE_NAME_HEADER = "exchangeFileName";
    /** JMS property: Artemis drops a second message with the same value on the same address. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

    private Endpoints() {
    }

    /** A queue of the gateway's own broker, in the broker transaction of the message being consumed, if any. */
    public static String jmsQueue(String queue) {
        return "jms:queue:" + queue;
    }

    /**
     * A partner's queue on the gateway's broker, sent to outside any consume's transaction: the send is durable when
     * it returns, before the ledger records the delivery.
     */
    public static String partnerQueue(String queue) {
        return "partnerJms:queue:" + queue;
    }

    /** Where a queue partner sends evidence files (维权证据), each as a large message with {@code sha256}. */
    public static String evidenceInbound(String partnerCode) {
        return "partner." + partnerCode + ".evidence.inbound";
    }

    /** Where a queue partner receives evidence files, each as a large message, before the manifest naming them. */
    public static String evidenceOutbound(String partnerCode) {
        return "partner." + partnerCode + ".evidence.outbound";
    }

    /** The exchange a partner's AMQP queues are bound to, each by its own name as routing key. */
    public static String amqpExchange(String partnerCode) {
        return "partner." + partnerCode;
    }

    /** Publishes to one of a partner's AMQP queues, confirmed by the broker before the route goes on. */
    public static String amqpQueue(String partnerCode, String queue) {
        return "spring-rabbitmq:" + amqpExchange(partnerCode) + "?routingKey=" + queue + "&confirm=enabled";
    }
}
