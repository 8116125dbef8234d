package cn.consumerexchange.gateway.transport;

import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.SIGNATURE_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;
import cn.consumerexchange.gateway.recognition.Recognition;
import cn.consumerexchange.gateway.transfer.IntakeFailures;
import cn.consumerexchange.gateway.transport.PartnerJmsMessages.UnreadableJmsMessage;

/**
 * Partners on the gateway's own Artemis broker. Consuming the partner's message, the hand-off to delivery and the
 * answer on its replies queue are one broker transaction: the listener's session is exposed to the route's sends.
 * The answer carries the partner message's JMS id as its correlation id. When the intake fails (not a rejection: the
 * database is away, say) the consume rolls back and the message stays on the partner's queue; if the broker finally
 * gives up on it, {@code DeadLetters} records it and answers the partner.
 */
@Component
class JmsPartnerRoutes extends RouteBuilder {

    private final PartnerRegistry partners;
    private final ExchangeProperties properties;

    JmsPartnerRoutes(PartnerRegistry partners, ExchangeProperties properties) {
        this.partners = partners;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // Not handled: the consume rolls back and the broker redelivers; the reason is kept in case the broker gives
        // up on the message (DeadLetters).
        onException(Exception.class).bean(IntakeFailures.class, "remember").id("remember-failure");

        for (Partner partner : partners.all()) {
            if (partner.transport() != Transport.JMS) {
                continue;
            }
            // mapJmsMessage=false: the body is read by PartnerJmsMessages, which never deserialises an object message.
            from(jmsQueue(partner.inbound()) + "?concurrentConsumers=" + properties.inboundConsumers()
                    + "&disableReplyTo=true&mapJmsMessage=false")
                    .routeId("inbound-" + partner.code())
                    .onException(UnreadableJmsMessage.class).handled(true)
                        .setBody(method(PartnerJmsMessages.class, "refusal")).id("refuse-" + partner.code())
                        .to(jmsQueue(partner.replies())).id("answer-refusal-" + partner.code())
                    .end()
                    .removeHeaders("exchange*")
                    .setHeader(PARTNER_HEADER, constant(partner.code()))
                    // The signature (签名) goes to the intake, not back to the partner with its answer.
                    .setHeader(SIGNATURE_HEADER, header(Recognition.JMS_SIGNATURE))
                    .removeHeader(Recognition.JMS_SIGNATURE)
                    .setHeader("JMSCorrelationID", header("JMSMessageID"))
                    // An AMQP 1.0 client's message gets a new JMS id in the broker; its own id is NATIVE_MESSAGE_ID.
                    .filter(header("NATIVE_MESSAGE_ID").isNotNull())
                        .setHeader("JMSCorrelationID", header("NATIVE_MESSAGE_ID"))
                    .end()
                    .setBody(method(PartnerJmsMessages.class, "bytes")).id("read-" + partner.code())
                    .to(INTAKE).id("intake-" + partner.code())
                    .to(jmsQueue(partner.replies())).id("answer-" + partner.code());
        }
    }
}
