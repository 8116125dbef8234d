package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.PartnerSwitchboard;

/**
 * Delivery (送达): one route per receiving partner takes nudges from the partner's delivery queue and makes one
 * attempt at the message each names, see {@link Delivery}.
 *
 * <p>The ledger, not the queue, says what is still to be delivered: a failed attempt is recorded there with the time of
 * the next one, and the nudge is consumed; {@link DeliverySweeper} sends a new nudge when that time comes. Only when
 * even the ledger cannot be written does the route fail, so the broker gives the nudge back later. A partner switched
 * off has its route stopped: nudges wait on its queue until it is switched on.
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
        onException(Exception.class)
                .onWhen(exchangeProperty(Delivery.CLAIMED).isEqualTo(true))
                .handled(true)
                .bean(Delivery.class, "attemptFailed").id("record-attempt-failed");

        for (Partner partner : partners.all()) {
            from(jmsQueue(partner.deliveryQueue()) + "?concurrentConsumers=1&maxConcurrentConsumers="
                    + properties.deliveryConsumers())
                    .routeId(PartnerSwitchboard.deliveryRouteId(partner.code()))
                    .autoStartup(switchboard.shouldDeliver(partner))
                    .bean(Delivery.class, "claim").id("claim-" + partner.code())
                    .filter(exchangeProperty(Delivery.CLAIMED))
                        .bean(Delivery.class, "toNative").id("translate-" + partner.code())
                        .bean(Delivery.class, "beforeSend").id("circuit-" + partner.code())
                        .to(partner.deliveryUri()).id("send-" + partner.code())
                        .bean(Delivery.class, "delivered").id("record-delivered-" + partner.code())
                    .end();
        }
    }
}
