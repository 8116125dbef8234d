package cn.consumerexchange.gateway.evidence;

import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Evidence files from queue partners: each an Artemis large message on {@link Endpoints#evidenceInbound}, streamed
 * into the store ({@link EvidenceJmsIntake}) and answered on the partner's replies queue. A store that fails (a full
 * disk) rolls the consume back, so the broker keeps the file and offers it again.
 */
@Component
class EvidenceJmsRoutes extends RouteBuilder {

    private final PartnerRegistry partners;

    EvidenceJmsRoutes(PartnerRegistry partners) {
        this.partners = partners;
    }

    @Override
    public void configure() {
        for (Partner partner : partners.all()) {
            if (partner.transport() != Transport.JMS) {
                continue;
            }
            // mapJmsMessage=false: the body is streamed from the message, never read into one byte array.
            from(jmsQueue(Endpoints.evidenceInbound(partner.code())) + "?concurrentConsumers=2"
                    + "&disableReplyTo=true&mapJmsMessage=false")
                    .routeId("evidence-inbound-" + partner.code())
                    .setHeader(Endpoints.PARTNER_HEADER, constant(partner.code()))
                    .bean(EvidenceJmsIntake.class, "receive").id("store-evidence-" + partner.code())
                    .to(jmsQueue(partner.replies())).id("answer-evidence-" + partner.code());
        }
    }
}
