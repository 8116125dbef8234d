package cn.consumerexchange.gateway.transport;

import static cn.consumerexchange.gateway.Endpoints.amqpExchange;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * The exchange and queues of every AMQP partner, declared on RabbitMQ by Spring AMQP when the gateway connects, so
 * that nothing the gateway publishes is unroutable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "exchange.amqp.enabled", havingValue = "true")
class AmqpDeclarations {

    @Bean
    Declarables amqpPartnerQueues(PartnerRegistry partners) {
        List<Declarable> declarations = new ArrayList<>();
        for (Partner partner : amqpPartners(partners)) {
            DirectExchange exchange = new DirectExchange(amqpExchange(partner.code()), true, false);
            declarations.add(exchange);
            for (String name : List.of(partner.inbound(), partner.replies(), partner.outbound(),
                    parkedQueue(partner))) {
                Queue queue = new Queue(name, true);
                declarations.add(queue);
                declarations.add(BindingBuilder.bind(queue).to(exchange).with(name));
            }
        }
        return new Declarables(declarations);
    }

    /** Where a partner's message waits for an operator when its intake keeps failing. */
    static String parkedQueue(Partner partner) {
        return partner.inbound() + ".parked";
    }

    static List<Partner> amqpPartners(PartnerRegistry partners) {
        return partners.all().stream().filter(p -> p.transport() == Transport.AMQP).toList();
    }
}
