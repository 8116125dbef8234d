package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.DELIVERY_QUEUE;
import static cn.consumerexchange.gateway.Endpoints.GATEWAY_REF_HEADER;
import static cn.consumerexchange.gateway.Endpoints.LEDGER_ID_HEADER;
import static cn.consumerexchange.gateway.Endpoints.RECEIVER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Delivery (送达): an accepted message is translated to the receiving partner's native format and sent to it.
 *
 * <p>A partner that does not take the message is tried again with a growing delay; when the attempts run out the
 * ledger shows the message as failed with the last error, for an operator to retry. The broker's transaction spans
 * the whole route, so a crash mid-way brings the message back rather than losing it.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    private final ExchangeProperties properties;

    DeliveryRoutes(ExchangeProperties properties) {
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

        from(jmsQueue(DELIVERY_QUEUE) + "?concurrentConsumers=" + properties.deliveryConsumers())
                .routeId("delivery")
                .setProperty(Delivery.LEDGER_ID, header(LEDGER_ID_HEADER))
                .setProperty(Delivery.RECEIVER, header(RECEIVER_HEADER))
                .setProperty(Delivery.GATEWAY_REF, header(GATEWAY_REF_HEADER))
                .setProperty(Delivery.REDELIVERED, header("JMSRedelivered"))
                .removeHeaders("*")
                .filter(method(Delivery.class, "claim")).id("claim")
                    .bean(Delivery.class, "toNative").id("translate")
                    .setProperty(Delivery.NATIVE_COPY, body())
                    .toD("${header." + Delivery.URI_HEADER + "}").id("send")
                    .bean(Delivery.class, "delivered").id("record-delivered")
                .end();
    }
}
