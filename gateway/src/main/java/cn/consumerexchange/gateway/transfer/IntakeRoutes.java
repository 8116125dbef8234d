package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.DELIVERY_QUEUE;
import static cn.consumerexchange.gateway.Endpoints.GATEWAY_REF_HEADER;
import static cn.consumerexchange.gateway.Endpoints.HAND_OFF;
import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.INTAKE_RESULT;
import static cn.consumerexchange.gateway.Endpoints.LEDGER_ID_HEADER;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Receiving (受理): every transport feeds a partner's message to {@code direct:intake}, which answers it and hands
 * what was accepted to the receiving partner's delivery queue. The body that comes back is the answer in the
 * sender's native format; the whole {@link IntakeResult} is in the exchange property {@code INTAKE_RESULT}.
 *
 * <p>When a queue transport consumed the message, the hand-off joins the consume's broker transaction. The ledger
 * write inside {@link MessageIntake} commits first; see there for why a crash in between loses and duplicates nothing.
 */
@Component
class IntakeRoutes extends RouteBuilder {

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
                    .to(HAND_OFF).id("send-to-hand-off")
                .end()
                .setBody(simple("${exchangeProperty." + INTAKE_RESULT + ".nativeAnswer}"))
                .removeHeaders("exchange*");

        // In the caller's thread, so a queue partner's hand-off joins the consume's broker transaction.
        from(HAND_OFF).routeId("hand-off")
                .toD(jmsQueue(DELIVERY_QUEUE) + ".${header." + RECEIVER_HEADER + "}").id("to-delivery-queue");
    }
}
