package cn.consumerexchange.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.conformance.SampleCases;

/** Shared set-up of the gateway's integration tests: a fresh broker journal and database, WireMock playing SH. */
public final class GatewayTestSupport {

    public static final String SZ_TOKEN = "test-sz-token";
    public static final String SH_TOKEN = "test-sh-token";

    private GatewayTestSupport() {
    }

    public static WireMockServer startPartnerServer() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    /** Properties every gateway test needs; the database is left to the caller. */
    public static void register(DynamicPropertyRegistry registry, WireMockServer partners) {
        String run = UUID.randomUUID().toString();
        registry.add("spring.artemis.embedded.data-directory", () -> "target/test-broker/" + run);
        registry.add("exchange.simulator.enabled", () -> "false");
        registry.add("exchange.batch-root", () -> "target/test-batch/" + run);
        registry.add("exchange.evidence.root", () -> "target/test-evidence/" + run);
        registry.add("exchange.ledger-chain.private-key", () -> "target/test-keys/" + run + "/ledger-signing.key");
        registry.add("exchange.ledger-chain.public-key", () -> "target/test-keys/" + run + "/ledger-signing.pub");
        registry.add("exchange.simulator.base-url", partners::baseUrl);
        registry.add("exchange.partner-tokens.SZ", () -> SZ_TOKEN);
        registry.add("exchange.partner-tokens.SH", () -> SH_TOKEN);
        // Tests send the same sample complaint again and again: each would be linked to every earlier one in the
        // background. The related-case tests switch the sweep on.
        registry.add("exchange.related.sweep.enabled", () -> "false");
        registry.add("exchange.delivery.initial-backoff", () -> "50ms");
        registry.add("exchange.delivery.max-backoff", () -> "400ms");
        registry.add("exchange.delivery.sweep-interval", () -> "200ms");
        registry.add("exchange.delivery.dispatch-grace", () -> "3s");
        registry.add("exchange.delivery.lease", () -> "3s");
        registry.add("exchange.delivery.circuit.open-wait", () -> "1s");
        registry.add("exchange.broker.max-delivery-attempts", () -> "5");
        registry.add("exchange.broker.inbound-max-delivery-attempts", () -> "2");
        // Each test context's broker listens for partners on a port of its own (the supplier is read more than once).
        int brokerPort = TestSocketUtils.findAvailableTcpPort();
        registry.add("exchange.broker.tcp-port", () -> brokerPort);
    }

    public static void registerEmbeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /**
     * A ledger of its own in memory, migrated as the gateway migrates it, on one connection: for tests of the ledger's
     * statements without the application around them.
     */
    public static DataSource migratedLedger() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** PostgreSQL at 127.0.0.1:5432 (user postgres, trust), in a schema of its own for this run. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        String schema = "exchange_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    /** RabbitMQ at 127.0.0.1:5672 (guest/guest), and the AMQP partners switched on. */
    public static void registerRabbitMq(DynamicPropertyRegistry registry) {
        registry.add("exchange.amqp.enabled", () -> "true");
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", () -> "5672");
        registry.add("spring.rabbitmq.username", () -> "guest");
        registry.add("spring.rabbitmq.password", () -> "guest");
    }

    /** Shanghai, on the gateway's HTTP intake, reports that it accepted the case; returns the HTTP status. */
    public static HttpStatusCode shanghaiAccepts(TestRestTemplate http, AdapterCatalog adapters, String gatewayRef) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Partner-Token", SH_TOKEN);
        byte[] status = adapters.forFormat("yrd-json")
                .toNative(SampleCases.statusAccepted("SAMR-SH", gatewayRef, "受理"));
        return http.postForEntity("/api/partners/SH/messages", new HttpEntity<>(status, headers), String.class)
                .getStatusCode();
    }

    public static String sample(String path) {
        try (InputStream in = GatewayTestSupport.class.getResourceAsStream("/seeds/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
