package cn.consumerexchange.gateway.broker;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Tunes the embedded Artemis broker that Spring Boot starts on the embedded defaults, and opens it to queue partners.
 *
 * <p>The journal buffer timeout decides throughput: every transaction commit waits for the next journal flush, so
 * Artemis's default (3.33 ms) caps each consumer at a few hundred commits per second. A value close to the disk's sync
 * latency lets concurrent consumers share one flush without waiting for nothing.
 *
 * <p>A rolled-back message is retried by the broker with a growing delay and lands on the one dead-letter queue
 * {@value #DEAD_LETTER_ADDRESS} when attempts run out (its {@code _AMQ_ORIG_QUEUE} says where from), so a poison message
 * never blocks a queue. Partners' inbound queues get more attempts, so that their input waits out a database outage on
 * the queue rather than in the DLQ; the DLQ itself never gives up. Duplicate ids outlive a restart, since a resend
 * after a crash is exactly what they catch.
 *
 * <p>Partners connect over TCP, CORE or AMQP 1.0 on one port; the sandbox of the conformance kit, which plays partners
 * in-VM, opens no port. {@code deploy/artemis/broker.xml} holds the same settings for a standalone broker.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerSettings {

    static final String DEAD_LETTER_ADDRESS = "gateway.DLQ";
    static final String EXPIRY_ADDRESS = "gateway.expired";
    static final String PARTNER_ACCEPTOR = "partners";

    @Bean
    ArtemisConfigurationCustomizer exchangeBrokerCustomizer(ExchangeProperties properties) {
        ExchangeProperties.Broker broker = properties.broker();
        return configuration -> {
            int timeoutNanos = (int) broker.journalBufferTimeout().toNanos();
            configuration.setJournalBufferTimeout_NIO(timeoutNanos);
            configuration.setJournalBufferTimeout_AIO(timeoutNanos);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setPersistIDCache(true);
            configuration.setIDCacheSize(broker.idCacheSize());

            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                    .setAutoCreateDeadLetterResources(false)
                    .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
                    .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                    .setRedeliveryDelay(TimeUnit.SECONDS.toMillis(1))
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(TimeUnit.MINUTES.toMillis(5))
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
            // More specific matches are merged over "#": they only say what differs.
            configuration.addAddressSetting("partner.*.inbound", new AddressSettings()
                    .setMaxDeliveryAttempts(broker.inboundMaxDeliveryAttempts()));
            configuration.addAddressSetting(DEAD_LETTER_ADDRESS, new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(TimeUnit.SECONDS.toMillis(5))
                    .setRedeliveryMultiplier(1.0));
            configuration.addAddressConfiguration(durableQueue(DEAD_LETTER_ADDRESS));

            if (!properties.sandbox().enabled()) {
                configuration.addAcceptorConfiguration(new TransportConfiguration(
                        NettyAcceptorFactory.class.getName(), Map.of(
                                TransportConstants.HOST_PROP_NAME, broker.tcpHost(),
                                TransportConstants.PORT_PROP_NAME, broker.tcpPort(),
                                TransportConstants.PROTOCOLS_PROP_NAME, "CORE,AMQP"),
                        PARTNER_ACCEPTOR));
            }
        };
    }

    /** An address with one durable anycast queue of the same name, created with the broker. */
    static CoreAddressConfiguration durableQueue(String name) {
        return new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfig(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
