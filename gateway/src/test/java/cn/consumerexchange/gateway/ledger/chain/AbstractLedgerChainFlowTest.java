package cn.consumerexchange.gateway.ledger.chain;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Kind;

import jakarta.jms.BytesMessage;

/**
 * Complaints from Shenzhen go through the gateway to Shanghai; the sealer seals their ledger rows and signs a
 * checkpoint. Each test then tampers with the database in plain SQL, checks the verifier names exactly that entry,
 * and puts the database back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractLedgerChainFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        registry.add("exchange.ledger-chain.seal-interval", () -> "200ms");
        registry.add("exchange.ledger-chain.settle", () -> "300ms");
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerChainVerifier verifier;
    @Autowired
    TestRestTemplate http;

    final List<String> messageIds = new ArrayList<>();

    @BeforeAll
    void threeComplaintsAreDeliveredAndSealed() {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        for (int i = 0; i < 3; i++) {
            String messageId = "SZ-CHAIN-" + UUID.randomUUID();
            messageIds.add(messageId);
            String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                    .replace("SZ-20261120-000123", messageId);
            jms.send("partner.SZ.inbound", session -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(complaint.getBytes(StandardCharsets.UTF_8));
                return message;
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from ledger_message"
                + " where direction = 'OUT' and message_id like '%SZ-CHAIN-%'") == 3
                && count("select count(*) from ledger_message m where not exists"
                        + " (select 1 from ledger_seal s where s.message_row_id = m.id)") == 0
                && count("select count(*) from ledger_checkpoint") > 0);
    }

    @Test
    void theDeliveredLedgerIsIntact() {
        ChainVerification result = http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/ledger/verification", ChainVerification.class);

        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isGreaterThanOrEqualTo(6);
        assertThat(result.checkpoints()).isPositive();
        assertThat(result.firstBreak()).isNull();
    }

    @Test
    void anEditedSenderIsTheFirstBrokenEntry() {
        long row = inboundRow(messageIds.get(1));
        String sender = jdbc.sql("select sender from ledger_message where id = ?").param(row)
                .query(String.class).single();
        jdbc.sql("update ledger_message set sender = 'SAMR-ZJ' where id = ?").param(row).update();
        try {
            ChainVerification result = verifier.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBreak().kind()).isEqualTo(Kind.CONTENT_CHANGED);
            assertThat(result.firstBreak().rowId()).isEqualTo(row);
            assertThat(result.firstBreak().messageId()).isEqualTo(messageIds.get(1));
            assertThat(result.breaks()).hasSize(1);
        } finally {
            jdbc.sql("update ledger_message set sender = ? where id = ?").params(sender, row).update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedSealIsFound() {
        long row = inboundRow(messageIds.get(2));
        var seal = jdbc.sql("select * from ledger_seal where message_row_id = ?").param(row).query().singleRow();
        jdbc.sql("delete from ledger_seal where message_row_id = ?").param(row).update();
        try {
            ChainVerification.Break first = verifier.verify().firstBreak();

            assertThat(first.kind()).isEqualTo(Kind.MISSING_SEAL);
            assertThat(first.rowId()).isEqualTo(row);
            assertThat(first.messageId()).isEqualTo(messageIds.get(2));
        } finally {
            jdbc.sql("insert into ledger_seal (message_row_id, prev_hash, content_hash, entry_hash, sealed_at)"
                    + " values (?, ?, ?, ?, ?)")
                    .params(row, seal.get("prev_hash"), seal.get("content_hash"), seal.get("entry_hash"),
                            seal.get("sealed_at"))
                    .update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointSignatureIsFound() {
        var checkpoint = jdbc.sql("select id, sealed_up_to, signature from ledger_checkpoint order by id limit 1")
                .query().singleRow();
        String signature = (String) checkpoint.get("signature");
        String forged = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        jdbc.sql("update ledger_checkpoint set signature = ? where id = ?").params(forged, checkpoint.get("id"))
                .update();
        try {
            ChainVerification.Break first = verifier.verify().firstBreak();

            assertThat(first.kind()).isEqualTo(Kind.CHECKPOINT_SIGNATURE);
            assertThat(first.rowId()).isEqualTo(((Number) checkpoint.get("sealed_up_to")).longValue());
        } finally {
            jdbc.sql("update ledger_checkpoint set signature = ? where id = ?").params(signature, checkpoint.get("id"))
                    .update();
        }
    }

    private long inboundRow(String messageId) {
        return jdbc.sql("select id from ledger_message where direction = 'IN' and message_id = ?").param(messageId)
                .query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
