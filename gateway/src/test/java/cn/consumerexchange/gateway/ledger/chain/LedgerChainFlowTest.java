package cn.consumerexchange.gateway.ledger.chain;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** The ledger's chain with the ledger in an embedded H2 database. */
class LedgerChainFlowTest extends AbstractLedgerChainFlowTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }
}
