package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.GATEWAY_REF_HEADER;
import static cn.consumerexchange.gateway.Endpoints.LEDGER_ID_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.PartnerSwitchboard;

/**
 * Delivery (送达): one route per receiving partner takes accepted messages from the partner's delivery queue,
 * translates them to its native format and sends them over its transport.
 *
 * <p>A partner that does not take a message is tried again with a growing delay; when the attempts run out the
 * ledger shows the message as failed with the last error, for an operator to retry. The broker's transaction spans
 * the whole route, so a crash mid-way brings the message back rather than losing it. A partner switched off has its
 * route stopped: messages wait on its queue until it is switched on.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    private final PartnerRegistry partners;
    private final PartnerSwitchboard switchboard;
    private final ExchangeProperties properties;

    DeliveryRoutes(PartnerRegistry partners, PartnerSwitchboard switchboard, ExchangeProperties properties) {
        this.partners = partners;
        this.switchboard = switchboard;
        this.properties = properties;
    }

    @Override
    public void configure() {
        ExchangeProperties.Delivery policy = properties.delivery();
        onException(Exception.class)
                .maximumRedeliveries(policy.maximumRedeliveries())
                .redeliveryDelay(policy.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .bean(Delivery.class, "failed").id("record-failed");

        for (Partner partner : partners.all()) {
            from(jmsQueue(partner.deliveryQueue()) + "?concurrentConsumers=1&maxConcurrentConsumers="
                    + properties.deliveryConsumers())
                    .routeId(PartnerSwitchboard.deliveryRouteId(partner.code()))
                    .autoStartup(switchboard.shouldDeliver(partner))
                    .setProperty(Delivery.LEDGER_ID, header(LEDGER_ID_HEADER))
                    .setProperty(Delivery.RECEIVER, header(RECEIVER_HEADER))
                    .setProperty(Delivery.GATEWAY_REF, header(GATEWAY_REF_HEADER))
                    .setProperty(Delivery.REDELIVERED, header("JMSRedelivered"))
                    .removeHeaders("*")
                    .filter(method(Delivery.class, "claim")).id("claim-" + partner.code())
                        .bean(Delivery.class, "toNative").id("translate-" + partner.code())
                        .setProperty(Delivery.NATIVE_COPY, body())
                        .toD("${header." + Delivery.URI_HEADER + "}").id("send-" + partner.code())
                        .bean(Delivery.class, "delivered").id("record-delivered-" + partner.code())
                    .end();
        }
    }
}
