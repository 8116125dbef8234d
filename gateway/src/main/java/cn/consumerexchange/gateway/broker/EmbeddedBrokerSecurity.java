package cn.consumerexchange.gateway.broker;

import java.util.List;
import java.util.Set;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Who may do what on the embedded broker. The gateway logs in as {@code spring.artemis.user} and may do everything.
 * Each queue partner logs in with its partner code and its credential (the setting its {@code credentialsRef} names,
 * the same token as for the HTTP intake) and may only send to its inbound queue and read its replies and outbound
 * queues; everything else, the gateway's own queues and other partners' included, is closed to it. Partners may create
 * nothing, so their queues are created with the broker.
 *
 * <p>Users are kept in memory by Artemis's own JAAS login module for embedded brokers, built from configuration at
 * every start: a changed token takes effect on restart and nothing is left in the journal. A queue partner without a
 * credential gets no user. In sandbox mode only the gateway's user exists, as the sandbox plays partners in-VM.
 * {@code deploy/artemis/} grants the same to a standalone broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedBrokerSecurity {

    static final String GATEWAY_ROLE = "gateway";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerSecurity.class);

    @Bean
    ArtemisConfigurationCustomizer partnerAccess(PartnerRegistry partners, ExchangeProperties properties) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            configuration.putSecurityRoles("#", Set.of(everything()));
            for (Partner partner : queuePartners(partners, properties)) {
                String role = role(partner);
                Role send = new Role();
                send.setName(role);
                send.setSend(true);
                Role read = new Role();
                read.setName(role);
                read.setConsume(true);
                read.setBrowse(true);
                // The most specific match wins whole, so the gateway's role is granted beside the partner's.
                configuration.putSecurityRoles(partner.inbound(), Set.of(everything(), send));
                configuration.putSecurityRoles(partner.replies(), Set.of(everything(), read));
                configuration.putSecurityRoles(partner.outbound(), Set.of(everything(), read));
                String evidenceIn = Endpoints.evidenceInbound(partner.code());
                String evidenceOut = Endpoints.evidenceOutbound(partner.code());
                configuration.putSecurityRoles(evidenceIn, Set.of(everything(), send));
                configuration.putSecurityRoles(evidenceOut, Set.of(everything(), read));
                for (String queue : List.of(partner.inbound(), partner.replies(), partner.outbound(), evidenceIn,
                        evidenceOut)) {
                    configuration.addAddressConfiguration(EmbeddedBrokerSettings.durableQueue(queue));
                }
            }
        };
    }

    @Bean
    SecurityConfiguration brokerUsers(ArtemisProperties artemis, PartnerRegistry partners,
            ExchangeProperties properties, Environment environment) {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(artemis.getUser(), artemis.getPassword());
        users.addRole(artemis.getUser(), GATEWAY_ROLE);
        for (Partner partner : queuePartners(partners, properties)) {
            String credential = partner.credentialsRef() == null ? null
                    : environment.getProperty(partner.credentialsRef());
            if (credential == null) {
                log.warn("Queue partner {} has no credential ({}): it cannot log in to the broker", partner.code(),
                        partner.credentialsRef());
                continue;
            }
            users.addUser(partner.code(), credential);
            users.addRole(partner.code(), role(partner));
        }
        return users;
    }

    /**
     * Spring Boot starts its embedded broker without a security manager and gives its in-VM connection factory no
     * credentials ({@code spring.artemis.user} only counts in native mode); this supplies both before either is used.
     */
    @Bean
    static BeanPostProcessor brokerLogin(ObjectProvider<SecurityConfiguration> users,
            ObjectProvider<ArtemisProperties> artemis) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(),
                            users.getObject()));
                }
                Object target = bean instanceof CachingConnectionFactory caching
                        ? caching.getTargetConnectionFactory()
                        : bean;
                if (target instanceof ActiveMQConnectionFactory factory) {
                    factory.setUser(artemis.getObject().getUser());
                    factory.setPassword(artemis.getObject().getPassword());
                }
                return bean;
            }
        };
    }

    private static List<Partner> queuePartners(PartnerRegistry partners, ExchangeProperties properties) {
        return properties.sandbox().enabled() ? List.of()
                : partners.all().stream().filter(partner -> partner.transport() == Transport.JMS).toList();
    }

    private static String role(Partner partner) {
        return "partner-" + partner.code();
    }

    private static Role everything() {
        return new Role(GATEWAY_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }
}
