package cn.consumerexchange.gateway.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.hostile.HostileCorpus.HostileCase;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * One gateway (embedded broker, H2, WireMock playing every HTTP receiver) for the hostile inputs of every transport:
 * each input gets one answer carrying its specific code, is kept, and leaves the gateway healthy. Tagged
 * {@code hostile}: the gateway's pom runs these classes in a surefire execution of their own at {@code -Xmx512m}, the
 * heap the gateway is sized for, so an input that makes the gateway hold it many times over fails the build.
 */
@Tag("hostile")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractHostileIntakeTest {

    static final WireMockServer RECEIVERS = GatewayTestSupport.startPartnerServer();
    static final Path BATCH_ROOT = Path.of("target", "hostile-batch", UUID.randomUUID().toString()).toAbsolutePath();
    static final long MAX_HEAP_BYTES = 512L * 1024 * 1024;
    /** exchange.max-message-bytes, the default. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Says which run sent an input: the ids stay unique however often the suite runs against one database. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, RECEIVERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.batch-root", BATCH_ROOT::toString);
        for (String partner : HostileCorpus.PARTNER_OF_FORMAT.values()) {
            registry.add("exchange.partner-tokens." + partner, () -> token(partner));
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    TransferLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    static String token(String partner) {
        return switch (partner) {
            case "SZ" -> GatewayTestSupport.SZ_TOKEN;
            case "SH" -> GatewayTestSupport.SH_TOKEN;
            default -> "hostile-" + partner.toLowerCase() + "-token";
        };
    }

    @BeforeAll
    void receiversTakeEverything() {
        assertThat(Runtime.getRuntime().maxMemory()).as("the gateway runs here with -Xmx512m (surefire execution"
                + " 'hostile' of gateway/pom.xml)").isLessThanOrEqualTo(MAX_HEAP_BYTES);
        RECEIVERS.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
    }

    /** A message id of the contract's shape, unique to this run, transport and case. */
    static String messageId(String transport, HostileCase hostile) {
        return "HX-" + RUN + "-" + transport + "-" + hostile.format() + "-" + hostile.name();
    }

    static String nonce() {
        return UUID.randomUUID().toString();
    }

    /** Inputs already quarantined for the partner with exactly these bytes. */
    int quarantinedCopies(String partner, byte[] input) {
        return jdbc.queryForObject("select count(*) from quarantined_input where partner_code = ? and payload_sha256 = ?",
                Integer.class, partner, sha256(input));
    }

    void assertAnswered(HostileCase hostile, NativeAnswer answer) {
        String shown = NativeAnswer.abbreviate(answer.text());
        if (hostile.accepted()) {
            assertThat(answer.accepted()).as("accepted: %s", shown).isTrue();
        } else {
            assertThat(answer.accepted()).as("rejected: %s", shown).isFalse();
            assertThat(answer.codes()).as("codes of %s", shown).containsAnyElementsOf(hostile.expectedCodes());
        }
        assertThat(answer.text()).as("no file of the gateway's host in the answer").doesNotContain("root:x:0:0");
    }

    /** The input has a ledger row under its id, or a quarantine row of its own, as the manifest says. */
    void assertKept(String partner, HostileCase hostile, String messageId, byte[] input, int quarantinedBefore) {
        Optional<LedgerEntry> row = ledger.findInbound(partner, messageId);
        boolean quarantined = quarantinedCopies(partner, input) == quarantinedBefore + 1;
        boolean recorded = row.isPresent()
                && (hostile.accepted() ? row.get().state() != MessageState.REJECTED
                        : row.get().state() == MessageState.REJECTED);
        String found = "ledger row " + row.map(LedgerEntry::state).orElse(null) + ", quarantined copies "
                + quarantinedCopies(partner, input) + " (before: " + quarantinedBefore + ")";
        switch (hostile.kept()) {
            case LEDGER -> assertThat(recorded).as("a ledger row for %s; found %s", messageId, found).isTrue();
            case QUARANTINE -> assertThat(quarantined).as("one new quarantine row; found %s", found).isTrue();
            case ANY -> assertThat(recorded || quarantined).as("kept; found %s", found).isTrue();
        }
        if (input.length > MAX_MESSAGE_BYTES && quarantined) {
            assertOversizeKeptBounded(partner, input);
        }
    }

    /** Oversize input: its first bytes up to the limit are kept, with the size and SHA-256 of all of it. */
    private void assertOversizeKeptBounded(String partner, byte[] input) {
        var kept = jdbc.queryForMap("select payload_size, octet_length(payload) as stored from quarantined_input"
                + " where partner_code = ? and payload_sha256 = ? order by id desc limit 1", partner, sha256(input));
        assertThat(((Number) kept.get("payload_size")).longValue()).as("payload_size").isEqualTo(input.length);
        assertThat(((Number) kept.get("stored")).longValue()).as("bytes stored").isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
    }

    /** As the ledger writes payload_sha256. */
    static String sha256(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Health is UP, or comes up within seconds: Camel reports a file consumer not ready until its first poll has
     * finished, and the first poll of the file drop is the one that reads every dropped input.
     */
    void assertHealthUp() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
            JsonNode body = json.readTree(health.getBody());
            assertThat(health.getStatusCode()).as("health %s", health.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(body.path("status").asText()).isEqualTo("UP");
        });
    }
}
