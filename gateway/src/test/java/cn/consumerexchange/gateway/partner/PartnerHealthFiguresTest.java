package cn.consumerexchange.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;

/**
 * A partner's last delivery (最近一次送达), which every health check and the partners page show, is found by one step
 * back on an index, however many messages the partner was ever delivered.
 */
class PartnerHealthFiguresTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    JdbcTemplate jdbc;
    PartnerHealthFigures figures;

    @BeforeEach
    void migratedLedger() {
        DataSource dataSource = GatewayTestSupport.migratedLedger();
        jdbc = new JdbcTemplate(dataSource);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JdbcClient client = JdbcClient.create(dataSource);
        figures = new PartnerHealthFigures(client, new DeliveryLedger(client, clock), clock);
    }

    @Test
    void theLastDeliveryIsTheNewestOutboundRowOfEachPartnerAndNoneForAPartnerNeverDeliveredTo() {
        delivered("SH", 3);
        delivered("SH", 1);
        delivered("GZ", 7);
        inbound("SZ", 0);

        assertThat(figures.of(List.of("SH", "GZ", "SZ")))
                .hasEntrySatisfying("SH", shanghai -> assertThat(shanghai.lastSuccess()).isEqualTo(ago(1)))
                .hasEntrySatisfying("GZ", guangzhou -> assertThat(guangzhou.lastSuccess()).isEqualTo(ago(7)))
                .hasEntrySatisfying("SZ", shenzhen -> assertThat(shenzhen.lastSuccess()).isNull());
    }

    @Test
    void theLastDeliveryIsReadInOneStepNotFromEveryRowDeliveredToThePartner() {
        for (int i = 0; i < 2_000; i++) {
            delivered("SH", 2_000 - i);
        }
        delivered("GZ", 5);

        String plan = jdbc.queryForObject("explain analyze " + PartnerHealthFigures.lastDeliveries(2), String.class,
                "SH", "GZ");

        assertThat(plan).containsIgnoringCase("ix_ledger_message_partner_created").containsIgnoringCase("index sorted");
        assertThat(scanCounts(plan)).as("rows read for the newest of 2,001 outbound rows, in %s", plan)
                .allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(3));
    }

    private void delivered(String receiver, int minutesAgo) {
        row("OUT", receiver, minutesAgo);
    }

    private void inbound(String sender, int minutesAgo) {
        row("IN", sender, minutesAgo);
    }

    private void row(String direction, String partner, int minutesAgo) {
        jdbc.update("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    payload_sha256, payload, state, created_at, updated_at)
                values (?, ?, ?, 'COMPLAINT', 'SZ', ?, ?, ?, 'DELIVERED', ?, ?)""",
                direction, partner, UUID.randomUUID().toString(), partner, "0".repeat(64), new byte[] {1},
                ago(minutesAgo), ago(minutesAgo));
    }

    private static OffsetDateTime ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes)).atOffset(ZoneOffset.UTC);
    }

    private static List<Long> scanCounts(String plan) {
        Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        List<Long> counts = count.results().map(found -> Long.parseLong(found.group(1))).toList();
        assertThat(counts).as("scan counts in %s", plan).isNotEmpty();
        return counts;
    }
}
