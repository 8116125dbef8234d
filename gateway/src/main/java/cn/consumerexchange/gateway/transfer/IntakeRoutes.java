package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.DELIVERY_QUEUE;
import static cn.consumerexchange.gateway.Endpoints.GATEWAY_REF_HEADER;
import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.INTAKE_RESULT;
import static cn.consumerexchange.gateway.Endpoints.LEDGER_ID_HEADER;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Receiving (受理): a partner's message comes in, is answered, and what was accepted is handed to delivery.
 *
 * <p>For a queue partner, the consume, the hand-off and the answer are one broker transaction: the listener's session
 * is exposed to the sends in the route, so they commit or roll back with the consume. The ledger write inside
 * {@link MessageIntake} commits first; see there for why a crash in between loses and duplicates nothing.
 */
@Component
class IntakeRoutes extends RouteBuilder {

    private final PartnerRegistry partners;
    private final ExchangeProperties properties;

    IntakeRoutes(PartnerRegistry partners, ExchangeProperties properties) {
        this.partners = partners;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake")
                .bean(MessageIntake.class, "receive(${header." + PARTNER_HEADER + "}, ${body})").id("receive")
                .setProperty(INTAKE_RESULT, body())
                .filter(simple("${body.hasHandoff}"))
                    .setHeader(LEDGER_ID_HEADER, simple("${body.handoff.ledgerId}"))
                    .setHeader(RECEIVER_HEADER, simple("${body.handoff.receiver}"))
                    .setHeader(GATEWAY_REF_HEADER, simple("${body.handoff.gatewayRef}"))
                    .setBody(simple("${body.handoff.contractXml}"))
                    .to(jmsQueue(DELIVERY_QUEUE)).id("hand-off")
                .end()
                .setBody(simple("${exchangeProperty." + INTAKE_RESULT + ".nativeAnswer}"));

        for (Partner partner : partners.withTransport(Transport.JMS)) {
            from(jmsQueue(partner.inboundQueue())
                    + "?concurrentConsumers=" + properties.inboundConsumers() + "&disableReplyTo=true")
                    .routeId("inbound-" + partner.code())
                    .removeHeaders("exchange*")
                    .setHeader(PARTNER_HEADER, constant(partner.code()))
                    .setHeader("JMSCorrelationID", header("JMSMessageID"))
                    .to(INTAKE).id("intake-" + partner.code())
                    .removeHeaders("exchange*")
                    .to(jmsQueue(partner.repliesQueue())).id("answer-" + partner.code());
        }
    }
}
