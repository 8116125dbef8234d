package cn.consumerexchange.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * What the delivery sweeper hands out ({@link DeliveryLedger#due}): messages waiting and due, and messages whose
 * attempt's lease ended, of the receivers asked for, the longest waiting first; found through the due index, without
 * reading the rows already delivered, which are nearly all of a ledger's rows.
 */
class DeliveryLedgerDueTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    JdbcTemplate jdbc;
    DeliveryLedger ledger;

    @BeforeEach
    void migratedLedger() {
        DataSource dataSource = GatewayTestSupport.migratedLedger();
        jdbc = new JdbcTemplate(dataSource);
        ledger = new DeliveryLedger(JdbcClient.create(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void waitingMessagesDueAndLapsedAttemptsOfTheReceiversComeOutLongestWaitingFirst() {
        row("waiting-longest", "SH", "ACCEPTED", ago(3), null);
        row("retry-due", "SH", "AWAITING_RETRY", ago(1), null);
        row("retry-later", "SH", "AWAITING_RETRY", ago(-5), null);
        row("attempt-died", "SH", "DELIVERING", null, ago(1));
        row("attempt-under-way", "SH", "DELIVERING", null, ago(-1));
        row("delivered", "SH", "DELIVERED", ago(10), null);
        row("other-receiver", "GZ", "ACCEPTED", ago(4), null);

        assertThat(ledger.due(10, List.of("SH"))).extracting(due -> due.key().messageId())
                .containsExactly("waiting-longest", "retry-due", "attempt-died");
        assertThat(ledger.due(2, List.of("SH", "GZ"))).extracting(due -> due.key().messageId())
                .containsExactly("other-receiver", "waiting-longest");
    }

    @Test
    void aSweepReadsTheMessagesItMayHandOutNotTheDeliveredOnes() {
        for (int i = 0; i < 2_000; i++) {
            row("delivered-" + i, "SH", "DELIVERED", ago(60), null);
        }
        row("waiting", "SH", "ACCEPTED", ago(3), null);
        row("retry-due", "SH", "AWAITING_RETRY", ago(1), null);
        row("attempt-died", "SH", "DELIVERING", null, ago(1));
        Map<String, Object> params = Map.of("now", NOW.atOffset(ZoneOffset.UTC), "receivers", List.of("SH"),
                "limit", 100);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);

        String waiting = named.queryForObject("explain analyze " + DeliveryLedger.DUE_WAITING, params, String.class);
        String lapsed = named.queryForObject("explain analyze " + DeliveryLedger.DUE_LEASE_ENDED, params, String.class);

        assertThat(waiting).containsIgnoringCase("ix_ledger_message_due");
        assertThat(scanCount(waiting)).as("rows read for 2 waiting of 2,003").isLessThanOrEqualTo(3);
        assertThat(lapsed).containsIgnoringCase("ix_ledger_message_due");
        assertThat(scanCount(lapsed)).as("rows read for 1 lapsed attempt of 2,003").isLessThanOrEqualTo(2);
        assertThat(ledger.due(100, List.of("SH"))).hasSize(3);
    }

    private void row(String messageId, String receiver, String state, OffsetDateTime dueAt,
            OffsetDateTime claimedUntil) {
        jdbc.update("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    payload_sha256, payload, state, created_at, updated_at, due_at, claimed_until)
                values ('IN', 'SZ', ?, 'COMPLAINT', 'SZ', ?, ?, ?, ?, ?, ?, ?, ?)""",
                messageId, receiver, "0".repeat(64), new byte[] {1}, state, ago(120), ago(120), dueAt, claimedUntil);
    }

    private static OffsetDateTime ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes)).atOffset(ZoneOffset.UTC);
    }

    private static long scanCount(String plan) {
        Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(count.find()).as("scan count in %s", plan).isTrue();
        return Long.parseLong(count.group(1));
    }
}
