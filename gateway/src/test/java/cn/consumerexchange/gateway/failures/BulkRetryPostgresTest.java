package cn.consumerexchange.gateway.failures;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Bulk retry and replay with the ledger on PostgreSQL. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); runs
 * in the {@code services} Maven profile.
 */
@Tag("services")
class BulkRetryPostgresTest extends AbstractBulkRetryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerPostgres(registry);
    }
}
