package cn.consumerexchange.gateway.transport;

import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * The Camel component {@code partnerJms}, which delivers to queue partners' outbound queues outside the broker
 * transaction of the nudge being consumed. The send is durable when it returns, so the ledger records "delivered" only
 * after the partner's queue has the message; a crash in between sends it again with the same duplicate id, which the
 * broker drops. Its connection factory is its own: a send through the consumer's factory would join the consumer's
 * transaction and commit only after the ledger.
 */
@Configuration(proxyBeanMethods = false)
class PartnerJmsConfiguration {

    @Bean
    JmsComponent partnerJms(ConnectionFactory connectionFactory) {
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory()
                : connectionFactory;
        CachingConnectionFactory own = new CachingConnectionFactory(target);
        own.setSessionCacheSize(8);
        JmsComponent component = JmsComponent.jmsComponent(own);
        component.setTransacted(false);
        component.setDeliveryPersistent(true);
        return component;
    }
}
