package cn.consumerexchange.gateway.failures;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** Bulk retry and replay on the embedded defaults: embedded Artemis, H2. */
class BulkRetryTest extends AbstractBulkRetryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }
}
