package cn.consumerexchange.gateway.ledger.chain;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * The ledger's chain with the ledger on PostgreSQL, where timestamps and binary columns come back in PostgreSQL's own
 * types. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); runs in the {@code services} Maven profile.
 */
@Tag("services")
class LedgerChainFlowPostgresTest extends AbstractLedgerChainFlowTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerPostgres(registry);
    }
}
