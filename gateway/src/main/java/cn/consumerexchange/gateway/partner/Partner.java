package cn.consumerexchange.gateway.partner;

import java.util.List;

import cn.consumerexchange.gateway.Endpoints;

/**
 * A regional system taking part in the exchange, and the authority (市场监管部门) behind it.
 *
 * @param code           short partner code, e.g. {@code SZ}
 * @param authority      the authority code the partner sends as (envelope {@code Sender})
 * @param divisions      GB/T 2260 codes the partner's authority has jurisdiction over; a prefecture or province code
 *                       covers every division below it
 * @param format         the native format, naming the adapter that translates it
 * @param inboundQueue   JMS partners: where the partner sends
 * @param repliesQueue   JMS partners: where the gateway answers what the partner sent
 * @param outbound       where deliveries go: a queue name for JMS partners, a URL for HTTP partners
 * @param credentialsRef the configuration key holding the partner's HTTP intake token
 */
public record Partner(
        String code,
        String authority,
        String name,
        List<String> divisions,
        String format,
        Transport transport,
        String inboundQueue,
        String repliesQueue,
        String outbound,
        String credentialsRef,
        boolean enabled,
        String contact) {

    public Partner {
        divisions = List.copyOf(divisions);
    }

    /** The Camel endpoint a delivery to this partner is sent to. */
    public String deliveryUri() {
        return transport == Transport.JMS ? Endpoints.jmsQueue(outbound) : outbound;
    }
}
