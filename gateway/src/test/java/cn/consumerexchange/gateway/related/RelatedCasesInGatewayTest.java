package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.transfer.MessageIntake;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * The detector as the gateway builds it: its settings from application.yml, the partner registry telling a Hong Kong
 * filing from a mainland one, the gateway's database migrated by Flyway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelatedCasesInGatewayTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        // The test below sweeps by hand.
        registry.add("exchange.related.sweep.enabled", () -> "false");
    }

    @Autowired
    RelatedCaseDetector detector;
    @Autowired
    RelatedCaseRecords records;
    @Autowired
    ContractCodec codec;
    @Autowired
    RelatedCaseSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MessageIntake intake;
    @Autowired
    TransferLedger ledger;

    @Test
    void theSampleComplaintFiledAgainWithTheHongKongCouncilIsLinkedToShenzhensFiling() throws Exception {
        ExchangeMessage shenzhen = codec.read(Files.readAllBytes(Path.of("../seeds/samples/contract/complaint.xml")));
        Instant received = shenzhen.getComplaint().getReceivedAt().toInstant();
        ExchangeMessage hongKong = codec.read(codec.write(shenzhen));
        hongKong.getComplaint().getComplainant().setName("李曉華");
        hongKong.getComplaint().getComplainant().setPhone("+86 138 0013 8000");
        hongKong.getComplaint().getComplainant().setIdNumber(null);
        hongKong.getComplaint().getRespondent().setName("上海浦江數碼科技有限責任公司");

        assertThat(detector.record(shenzhen, "GW-SZ-0731", "SZ", received).links()).isEmpty();
        RelatedCaseFindings found = detector.record(hongKong, "GW-HK-0042", "HK", received.plus(Duration.ofDays(1)));

        assertThat(found.links()).singleElement().satisfies(link -> {
            assertThat(link.leadRef()).isEqualTo("GW-SZ-0731");
            assertThat(link.otherPartner()).isEqualTo("HK");
            assertThat(link.score()).isGreaterThanOrEqualTo(0.8);
            assertThat(link.reasons()).contains(MatchReason.SAME_PHONE, MatchReason.SAME_NAME,
                    MatchReason.SAME_RESPONDENT_CODE);
        });
        assertThat(records.linksOf("GW-SZ-0731")).containsExactlyElementsOf(found.links());
    }

    @Test
    void aCaseThatCannotBeLookedAtDoesNotHoldUpTheCasesSweptWithIt() throws Exception {
        Instant now = Instant.now();
        String unreadable = openCase("<not-a-complaint/>", now.minusSeconds(2));
        String readable = openCase(GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml"), now.minusSeconds(1));

        sweep.sweepOnce();

        assertThat(jdbc.sql("select gateway_ref from related_case_check where gateway_ref in (?, ?)")
                .params(unreadable, readable).query(String.class).list()).containsExactly(readable);
    }

    @Test
    void theIntakeKeepsAComplaintsKeysAndTheSweepFindsItsDuplicateByThemWithoutReadingItAgain() throws Exception {
        String sample = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml");
        String first = accepted(sample);
        String second = accepted(sample);
        assertThat(jdbc.sql("select count(*) from related_case_profile where gateway_ref in (?, ?) and case_keys like ?")
                .params(first, second, "%CONSUMER_PHONE %").query(Integer.class).single())
                .as("kept by the intake, before any sweep").isEqualTo(2);
        assertThat(records.holds(first)).isFalse();
        // A sweep that read the complaints from the ledger again could not read these bytes, and would leave the
        // cases unchecked (as the test above shows).
        jdbc.sql("update ledger_message set payload = ? where direction = 'IN' and gateway_ref in (?, ?)")
                .params("<not-a-complaint/>".getBytes(StandardCharsets.UTF_8), first, second)
                .update();

        sweep.sweepOnce();

        assertThat(jdbc.sql("select gateway_ref from related_case_check where gateway_ref in (?, ?)")
                .params(first, second).query(String.class).list()).containsExactlyInAnyOrder(first, second);
        assertThat(records.holds(first)).isTrue();
        // The other tests of this class filed the same complaint: the links to their cases do not count here. Both
        // filings say they were received at the same moment, so which of the two leads is up to their references.
        assertThat(records.linksOf(second))
                .filteredOn(link -> Set.of(link.leadRef(), link.otherRef()).equals(Set.of(first, second)))
                .singleElement()
                .satisfies(link -> assertThat(link.reasons()).contains(MatchReason.SAME_PHONE,
                        MatchReason.SAME_ID_NUMBER));
    }

    @Test
    void operatorsReadHowManyCasesTheSweepHasStillToLookAt() throws Exception {
        RelatedCaseSweep.Progress before = progress();
        Instant receivedAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        String waiting = openCase(GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml"), receivedAt);

        RelatedCaseSweep.Progress found = progress();
        assertThat(found.enabled()).isFalse();
        assertThat(found.unchecked()).isEqualTo(before.unchecked() + 1);
        assertThat(found.oldestUnchecked()).isBeforeOrEqualTo(receivedAt);

        sweep.sweepOnce();

        assertThat(jdbc.sql("select count(*) from related_case_check where gateway_ref = ?").param(waiting)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(progress().unchecked()).isLessThan(found.unchecked());
    }

    private RelatedCaseSweep.Progress progress() {
        return http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/related/sweep", RelatedCaseSweep.Progress.class);
    }

    private String accepted(String complaint) {
        return acceptedFromShenzhen(intake, ledger, complaint);
    }

    /**
     * Shenzhen's complaint (the sample, whose message id is replaced) received through the intake under a new message
     * id, accepted; returns its gateway reference.
     */
    static String acceptedFromShenzhen(MessageIntake intake, TransferLedger ledger, String complaint) {
        String messageId = "SZ-RELATED-" + UUID.randomUUID();
        intake.receive("SZ", complaint.replace("SZ-20261120-000123", messageId).getBytes(StandardCharsets.UTF_8),
                null);
        return ledger.findInbound("SZ", messageId).orElseThrow().gatewayRef();
    }

    /** A case Shenzhen opened, with the complaint it sent as the ledger keeps it; returns its gateway reference. */
    private String openCase(String payload, Instant receivedAt) {
        String messageId = "SZ-SWEEP-" + UUID.randomUUID();
        String gatewayRef = "GW-SWEEP-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = payload.replace("SZ-20261120-000123", messageId).getBytes(StandardCharsets.UTF_8);
        OffsetDateTime at = receivedAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    gateway_ref, payload_sha256, payload, state, created_at, updated_at)
                values ('IN', 'SZ', ?, 'COMPLAINT', 'SAMR-GD-SZ', 'SH', ?, ?, ?, 'DELIVERED', ?, ?)""")
                .params(messageId, gatewayRef, Sha256.hex(bytes), bytes, at, at)
                .update();
        jdbc.sql("""
                insert into transfer_case (gateway_ref, origin_partner, origin_case_number, origin_message_id,
                    receiving_partner, receiving_division, state, received_at, updated_at)
                values (?, 'SZ', ?, ?, 'SH', '310115', 'TRANSFERRED', ?, ?)""")
                .params(gatewayRef, "SZ12315-" + gatewayRef, messageId, at, at)
                .update();
        return gatewayRef;
    }
}
