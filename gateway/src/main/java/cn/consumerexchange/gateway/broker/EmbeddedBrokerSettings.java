package cn.consumerexchange.gateway.broker;

import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Tunes the embedded Artemis broker that Spring Boot starts on the embedded defaults.
 *
 * <p>The journal buffer timeout decides throughput: every transaction commit waits for the next journal flush, so
 * Artemis's default (3.33 ms) caps each consumer at a few hundred commits per second. A value close to the disk's sync
 * latency lets concurrent consumers share one flush without waiting for nothing. A rolled-back message is retried by
 * the broker with a growing delay and lands on the dead-letter address when attempts run out, so a poison message
 * never blocks a queue.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerSettings {

    static final String DEAD_LETTER_ADDRESS = "gateway.DLQ";
    static final String EXPIRY_ADDRESS = "gateway.expired";

    @Bean
    ArtemisConfigurationCustomizer exchangeBrokerCustomizer(ExchangeProperties properties) {
        ExchangeProperties.Broker broker = properties.broker();
        return configuration -> {
            int timeoutNanos = (int) broker.journalBufferTimeout().toNanos();
            configuration.setJournalBufferTimeout_NIO(timeoutNanos);
            configuration.setJournalBufferTimeout_AIO(timeoutNanos);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);

            AddressSettings everyAddress = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                    .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
                    .setAutoCreateDeadLetterResources(true)
                    .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                    .setRedeliveryDelay(TimeUnit.SECONDS.toMillis(1))
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(TimeUnit.MINUTES.toMillis(5))
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
            configuration.addAddressSetting("#", everyAddress);
        };
    }
}
