package cn.consumerexchange.gateway.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification;

import jakarta.jms.BytesMessage;

/**
 * A gateway with retention switched on and a period of seconds: a complaint from Shenzhen is delivered to Shanghai
 * and sealed, and keeps its payloads while its case is open; once the case is closed the scheduled job purges them,
 * and the ledger still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.ledger-chain.seal-interval", () -> "200ms");
        registry.add("exchange.ledger-chain.settle", () -> "300ms");
        registry.add("exchange.retention.enabled", () -> "true");
        registry.add("exchange.retention.payloads-after", () -> "1s");
        registry.add("exchange.retention.interval", () -> "300ms");
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void theJobPurgesTheSealedPayloadsOfAClosedCaseAndTheLedgerStillVerifies() {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        String messageId = "SZ-RETAIN-" + UUID.randomUUID();
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);
        jms.send("partner.SZ.inbound", session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(complaint.getBytes(StandardCharsets.UTF_8));
            return message;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from ledger_message m where m.message_id like ? and m.state = 'DELIVERED'
                and exists (select 1 from ledger_seal s where s.message_row_id = m.id)""", messageId) == 2);
        String gatewayRef = jdbc.sql("select gateway_ref from ledger_message where message_id = ?").param(messageId)
                .query(String.class).single();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> count(purgedOf(), gatewayRef) == 0);
        jdbc.sql("update transfer_case set state = 'CLOSED' where gateway_ref = ?").param(gatewayRef).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> count(purgedOf(), gatewayRef) == 2);

        ChainVerification result = http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/ledger/verification", ChainVerification.class);
        assertThat(result.intact()).as("%s", result).isTrue();
        assertThat(jdbc.sql("select count(*) from operator_action where operator = 'retention'")
                .query(Long.class).single()).isPositive();
    }

    private static String purgedOf() {
        return "select count(*) from ledger_message where gateway_ref = ? and payload_purged_at is not null"
                + " and octet_length(payload) = 0";
    }

    private long count(String sql, String parameter) {
        return jdbc.sql(sql).param(parameter.startsWith("SZ-RETAIN-") ? "%" + parameter + "%" : parameter)
                .query(Long.class).single();
    }
}
