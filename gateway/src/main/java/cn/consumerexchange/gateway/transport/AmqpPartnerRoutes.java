package cn.consumerexchange.gateway.transport;

import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.SIGNATURE_HEADER;
import static cn.consumerexchange.gateway.Endpoints.amqpExchange;
import static cn.consumerexchange.gateway.Endpoints.amqpQueue;

import java.util.List;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.recognition.Recognition;
import cn.consumerexchange.gateway.trace.TraceParent;
import cn.consumerexchange.gateway.transfer.UnavailableAnswers;

/**
 * Partners on RabbitMQ (AMQP 0.9.1), switched on with {@code exchange.amqp.enabled}. Each such partner has a
 * durable direct exchange {@code partner.<code>} and durable inbound, replies and outbound queues bound to it by
 * their own names, declared by {@link AmqpDeclarations} when the gateway connects.
 *
 * <p>The inbound message is acknowledged to RabbitMQ only after the route has answered it, the answer is published
 * with publisher confirms, and a failure puts the message back on its queue. There is no transaction spanning
 * RabbitMQ and the gateway's own broker: a message that comes back is recognised by the ledger, answered as before and
 * not handed off twice. A message whose intake keeps failing (not a rejection: an error such as the database being
 * away) is tried four times and then parked on {@code <inbound>.parked}, so that it neither loops nor is lost, and the
 * partner is answered {@code GATEWAY_UNAVAILABLE}.
 *
 * <p>A signed message carries its detached JWS in the message header {@code signature}, as on the partners' JMS queues.
 */
@Component
@ConditionalOnProperty(name = "exchange.amqp.enabled", havingValue = "true")
class AmqpPartnerRoutes extends RouteBuilder {

    private final PartnerRegistry partners;

    AmqpPartnerRoutes(PartnerRegistry partners) {
        this.partners = partners;
    }

    @Override
    public void configure() {
        for (Partner partner : amqpPartners()) {
            String parked = AmqpDeclarations.parkedQueue(partner);
            from("spring-rabbitmq:" + amqpExchange(partner.code()) + "?queues=" + partner.inbound()
                    + "&autoDeclare=false&acknowledgeMode=AUTO&rejectAndDontRequeue=false")
                    .routeId("inbound-" + partner.code())
                    .onException(Exception.class)
                        .maximumRedeliveries(3)
                        .redeliveryDelay(500)
                        .useExponentialBackOff()
                        .handled(true)
                        .useOriginalMessage()
                        .log(LoggingLevel.ERROR, "Parked a message from " + partner.code() + " on " + parked
                                + " after its intake kept failing: ${exception.message}")
                        .to(amqpQueue(partner.code(), parked)).id("park-" + partner.code())
                        .removeHeaders("*")
                        .setBody(method(UnavailableAnswers.class, "answer(" + partner.code()
                                + ", 'The gateway could not record the message')"))
                        .to(amqpQueue(partner.code(), partner.replies())).id("answer-parked-" + partner.code())
                    .end()
                    // The signature (签名) and the trace (调用链) go to the intake; no other header of the partner's goes
                    // further.
                    .setHeader(SIGNATURE_HEADER, header(Recognition.JMS_SIGNATURE))
                    .removeHeaders("*", SIGNATURE_HEADER, TraceParent.HEADER)
                    .setHeader(PARTNER_HEADER, constant(partner.code()))
                    .to(INTAKE).id("intake-" + partner.code())
                    .to(amqpQueue(partner.code(), partner.replies())).id("answer-" + partner.code());
        }
    }

    private List<Partner> amqpPartners() {
        return AmqpDeclarations.amqpPartners(partners);
    }
}
