package cn.consumerexchange.gateway.search;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * The searches with the ledger on PostgreSQL (migration V16, the dynamic filters, LIKE with ESCAPE). Needs
 * PostgreSQL at 127.0.0.1:5432 (user postgres, trust); runs in the {@code services} Maven profile.
 */
@Tag("services")
class SearchApiPostgresTest extends SearchApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerPostgres((name, value) -> registry.add(
                name.equals("spring.datasource.url") ? DATABASE_URL : name, value));
    }
}
