package cn.consumerexchange.gateway;

/** Every internal queue and Camel endpoint of the gateway, named in one place. */
public final class Endpoints {

    /** Accepted messages waiting to be delivered to their receiving partner. */
    public static final String DELIVERY_QUEUE = "gateway.delivery";

    /** The inbound pipeline every transport feeds: translate, validate, record, route. */
    public static final String INTAKE = "direct:intake";

    /** Exchange property: the {@code IntakeResult} of the message the intake just received. */
    public static final String INTAKE_RESULT = "exchangeIntakeResult";

    /** Camel header: code of the partner a message came from or goes to. */
    public static final String PARTNER_HEADER = "exchangePartner";
    /** Camel/JMS header: the ledger row of the inbound message being delivered. */
    public static final String LEDGER_ID_HEADER = "exchangeLedgerId";
    /** Camel/JMS header: the gateway reference of the case a delivered message belongs to. */
    public static final String GATEWAY_REF_HEADER = "exchangeGatewayRef";
    /** Camel/JMS header: the partner a message is delivered to. */
    public static final String RECEIVER_HEADER = "exchangeReceiver";

    private Endpoints() {
    }

    public static String jmsQueue(String queue) {
        return "jms:queue:" + queue;
    }
}
