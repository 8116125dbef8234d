package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.GATEWAY_REF_HEADER;
import static cn.consumerexchange.gateway.Endpoints.HELD_BY_INTAKE_HEADER;
import static cn.consumerexchange.gateway.Endpoints.INTAKE_RESULT;
import static cn.consumerexchange.gateway.Endpoints.MESSAGE_ID_HEADER;
import static cn.consumerexchange.gateway.Endpoints.MESSAGE_TYPE_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.SENDER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.WRITTEN_FOR_HEADER;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * The steps of the intake route around {@link MessageIntake}: its result kept on the exchange, each hand-off turned
 * into the nudge for the receiver's delivery queue, and the sender's answer as the body that goes back. Plain Java on
 * the exchange, once per message, where Camel's simple language would call each getter reflectively.
 */
final class IntakeHandoffs {

    private IntakeHandoffs() {
    }

    /**
     * Keeps the {@link IntakeResult} in the exchange property {@code INTAKE_RESULT}, makes its hand-offs the body to
     * split, and puts the gateway's hop of the trace (调用链) on the exchange in place of the sender's.
     */
    static void keepResult(Exchange exchange) {
        IntakeResult result = exchange.getMessage().getBody(IntakeResult.class);
        exchange.setProperty(INTAKE_RESULT, result);
        exchange.getMessage().setHeader(TraceParent.HEADER, result.traceparent());
        exchange.getMessage().setBody(result.handoffs());
    }

    /** One hand-off as its nudge: headers naming the message and its receiver, the body it carries. */
    static void toNudge(Exchange exchange) {
        Message message = exchange.getMessage();
        IntakeResult.Handoff handoff = message.getBody(IntakeResult.Handoff.class);
        message.setHeader(SENDER_HEADER, handoff.key().partnerCode());
        message.setHeader(MESSAGE_ID_HEADER, handoff.key().messageId());
        message.setHeader(HELD_BY_INTAKE_HEADER, handoff.heldByIntake());
        message.setHeader(RECEIVER_HEADER, handoff.receiver());
        message.setHeader(GATEWAY_REF_HEADER, handoff.gatewayRef());
        message.setHeader(WRITTEN_FOR_HEADER, handoff.writtenFor());
        message.setHeader(MESSAGE_TYPE_HEADER, handoff.messageType());
        message.setBody(handoff.nudgeBody());
    }

    /** The answer in the sender's native format, as the body the transport sends back. */
    static void toAnswer(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getProperty(INTAKE_RESULT, IntakeResult.class).nativeAnswer());
    }
}
