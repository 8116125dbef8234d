package cn.consumerexchange.gateway.ledger.chain;

import java.security.KeyPair;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.ExchangeProperties;

/** The tamper-evident ledger's parts; the sealer reuses the sweeper's lock registry and the scheduling it enables. */
@Configuration(proxyBeanMethods = false)
class LedgerChainConfiguration {

    @Bean
    LedgerSeals ledgerSeals(JdbcClient jdbc) {
        return new LedgerSeals(jdbc);
    }

    @Bean
    KeyPair ledgerSigningKey(ExchangeProperties properties) {
        ExchangeProperties.LedgerChain settings = properties.ledgerChain();
        return CheckpointKeys.loadOrGenerate(settings.privateKey(), settings.publicKey());
    }

    @Bean
    LedgerSealer ledgerSealer(LedgerSeals seals, KeyPair ledgerSigningKey, JdbcLockRegistry locks, Clock clock,
            ExchangeProperties properties, TransactionTemplate transaction) {
        return new LedgerSealer(seals, ledgerSigningKey, locks, clock, properties.ledgerChain(), transaction);
    }

    @Bean
    LedgerChainVerifier ledgerChainVerifier(LedgerSeals seals, KeyPair ledgerSigningKey) {
        return new LedgerChainVerifier(seals, ledgerSigningKey.getPublic());
    }
}
