package cn.consumerexchange.gateway.retention;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import cn.consumerexchange.gateway.audit.OperatorAudit;

/** The scheduled retention job, only when a deployment switched it on; it reuses the sweeper's lock registry. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "exchange.retention", name = "enabled", havingValue = "true")
class RetentionConfiguration {

    @Bean
    PayloadRetention payloadRetention(DataSource dataSource, PlatformTransactionManager transactions,
            OperatorAudit audit, JdbcLockRegistry locks, Clock clock, RetentionSettings settings) {
        return new PayloadRetention(dataSource, transactions, audit, locks, clock, settings);
    }
}
