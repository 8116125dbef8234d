package cn.consumerexchange.gateway.partner;

import java.util.List;

import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * A regional system taking part in the exchange, and the authority (市场监管部门) behind it.
 *
 * @param code           short partner code, e.g. {@code SZ}
 * @param authority      the authority code the partner sends as (envelope {@code Sender})
 * @param divisions      GB/T 2260 codes the partner's authority has jurisdiction over; a prefecture or province code
 *                       covers every division below it; empty for a partner that only sends, such as the national
 *                       platform
 * @param format         the native format, naming the adapter that translates it
 * @param inbound        where the partner's messages come in (see {@link Transport})
 * @param replies        where the gateway answers what the partner sent (see {@link Transport})
 * @param outbound       where deliveries to the partner go (see {@link Transport})
 * @param credentialsRef the configuration key holding the partner's HTTP intake token
 * @param enabled        whether deliveries to the partner start switched on; an operator can change it at runtime
 * @param delivery       how deliveries to the partner are retried; see {@link DeliveryPolicy}
 * @param certificate    optional: the PEM certificate the partner's signatures (签名) are verified with, a path in its
 *                       partner location or a {@code classpath:}/{@code file:} location
 * @param crl            optional: the revocation list for that certificate, located the same way
 */
public record Partner(
        String code,
        String authority,
        String name,
        List<String> divisions,
        String format,
        Transport transport,
        String inbound,
        String replies,
        String outbound,
        String credentialsRef,
        boolean enabled,
        String contact,
        DeliveryPolicy delivery,
        String certificate,
        String crl) {

    public Partner {
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
    }

    /** This partner with every delivery setting its descriptor leaves out taken from the gateway's settings. */
    Partner withDeliveryDefaults(ExchangeProperties.Delivery defaults) {
        DeliveryPolicy given = delivery != null ? delivery : new DeliveryPolicy(null, null, null, null);
        return new Partner(code, authority, name, divisions, format, transport, inbound, replies, outbound,
                credentialsRef, enabled, contact, given.orDefaults(defaults), certificate, crl);
    }

    /** The Camel endpoint a delivery to this partner is sent to. */
    public String deliveryUri() {
        return switch (transport) {
            case JMS -> Endpoints.partnerQueue(outbound);
            case HTTP -> outbound;
            case AMQP -> Endpoints.amqpQueue(code, outbound);
            // Written under a temporary name and renamed, never over an existing file: the name is the message's,
            // so a file already there is this message from an attempt that died before recording it delivered.
            case FILE -> "file:" + outbound + "?fileName=${header." + Endpoints.FILE_NAME_HEADER
                    + "}&tempPrefix=.writing-&fileExist=Ignore";
        };
    }

    /**
     * This partner as the sandbox plays it: on queues of the gateway's own broker ({@code sandbox.<code>.inbound},
     * {@code .replies}, {@code .outbound}) whatever its real transport, and switched on.
     */
    public Partner inSandbox() {
        String queues = "sandbox." + code;
        return new Partner(code, authority, name, divisions, format, Transport.JMS, queues + ".inbound",
                queues + ".replies", queues + ".outbound", credentialsRef, true, contact, delivery, certificate, crl);
    }

    /** The queue that holds accepted messages until they are delivered to this partner. */
    public String deliveryQueue() {
        return Endpoints.DELIVERY_QUEUE + "." + code;
    }
}
