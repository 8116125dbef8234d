package cn.consumerexchange.gateway.transfer;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sweeper's schedule and its lock in the shared database, so one gateway instance at a time sweeps. The lock
 * lives in table {@code int_lock} (Flyway V4); a lock whose holder died expires after its time to live.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SweeperConfiguration {

    private static final int LOCK_TIME_TO_LIVE_MILLIS = 30_000;

    @Bean
    DefaultLockRepository sweeperLockRepository(DataSource dataSource) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setTimeToLive(LOCK_TIME_TO_LIVE_MILLIS);
        return repository;
    }

    @Bean
    JdbcLockRegistry sweeperLocks(DefaultLockRepository sweeperLockRepository) {
        return new JdbcLockRegistry(sweeperLockRepository);
    }
}
