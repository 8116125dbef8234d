package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.DELIVERY_QUEUE;
import static cn.consumerexchange.gateway.Endpoints.HAND_OFF;
import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.SIGNATURE_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * Receiving (受理): every transport feeds a partner's message to {@code direct:intake}, which answers it and hands
 * what was accepted to the receiving partner's delivery queue. The body that comes back is the answer in the
 * sender's native format; the whole {@link IntakeResult} is in the exchange property {@code INTAKE_RESULT}.
 *
 * <p>The hand-off is a nudge naming the message by its key; the ledger row written inside {@link MessageIntake}, which
 * commits first, is the delivery obligation itself. When a queue transport consumed the message, the nudge joins the
 * consume's broker transaction; a nudge lost in a crash is replaced by {@link DeliverySweeper}.
 */
@Component
class IntakeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // A failure is the transport's to handle (a queue consume rolls back, AMQP parks, HTTP answers 503): an error
        // handler here would count as handling it, and the transport's own would never run.
        errorHandler(noErrorHandler());

        from(INTAKE).routeId("intake")
                .bean(MessageIntake.class, "receive(${header." + PARTNER_HEADER + "}, ${body}, ${header."
                        + SIGNATURE_HEADER + "}, ${header." + TraceParent.HEADER + "})").id("receive")
                .process(IntakeHandoffs::keepResult).id("keep-result")
                // One hand-off per case: two when a complaint came with a report. Sequential, in the caller's thread.
                .split(body()).stopOnException()
                    .process(IntakeHandoffs::toNudge).id("to-nudge")
                    .to(HAND_OFF).id("send-to-hand-off")
                .end()
                .process(IntakeHandoffs::toAnswer).id("to-answer")
                .removeHeaders("exchange*");

        // In the caller's thread, so a queue partner's hand-off joins the consume's broker transaction.
        from(HAND_OFF).routeId("hand-off")
                .toD(jmsQueue(DELIVERY_QUEUE) + ".${header." + RECEIVER_HEADER + "}").id("to-delivery-queue");
    }
}
