package cn.consumerexchange.gateway.transfer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** The complaint transfer flow on the embedded defaults: embedded Artemis, H2, WireMock as Shanghai. */
class ComplaintTransferFlowTest extends AbstractComplaintTransferFlowTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }
}
