package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.CaseOpened;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;

/**
 * Which clocks a case's opening and transitions start, hand on and stop, over a real clock store (H2 with the
 * gateway's migrations) and the seed calendars. Every authority here is on the mainland calendar; the time is Wed
 * 2026-09-02 in Shanghai.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseClocksTest {

    static final Instant NOW = LegalClocksTest.shanghai("2026-09-02T10:00");

    final HikariDataSource dataSource = database();
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TransferLedger ledger = new TransferLedger(jdbc, clock,
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("exchange",
                    ExchangeProperties.class),
            event -> { });
    final LegalClockStore store = new LegalClockStore(jdbc);
    final CaseClocks caseClocks = new CaseClocks(new LegalClocks(SeedCalendars.registry(), 2), store,
            new MainlandOnly(), ledger, clock);

    /** Every partner's authority counts the mainland's working days. */
    static final class MainlandOnly extends CalendarRegions {

        MainlandOnly() {
            super(null);
        }

        @Override
        public CalendarRegion calendarRegionOf(String partnerCode) {
            return CalendarRegion.CN;
        }
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aReportOpensWithItsClueCheckAndAComplaintWithItsAcceptance() {
        String report = opened(MessageKind.REPORT);
        String complaint = opened(MessageKind.COMPLAINT);

        assertThat(store.ofCase(report)).extracting(stored -> stored.state().kind())
                .containsExactly(ClockKind.CLUE_CHECK);
        assertThat(store.ofCase(complaint)).extracting(stored -> stored.state().kind())
                .containsExactly(ClockKind.ACCEPTANCE);
        StoredClock clue = store.find(report, ClockKind.CLUE_CHECK).orElseThrow();
        assertThat(clue.partner()).isEqualTo("SH");
        assertThat(clue.state().startedAt()).as("counted from receipt").isEqualTo(receivedAt().toInstant());
    }

    @Test
    void aReturnStartsADisputeThatTheHubsReRouteHandsOnAndTheNewReceiversDecisionSettles() {
        String report = opened(MessageKind.REPORT);

        caseClocks.moved(change(report, "RECEIVED", "RETURNED", "SH", "SH", "2026-09-01T12:00"));

        assertThat(store.find(report, ClockKind.CLUE_CHECK).orElseThrow().state().isStopped()).isTrue();
        StoredClock dispute = store.find(report, ClockKind.JURISDICTION_DISPUTE).orElseThrow();
        assertThat(dispute.partner()).as("held by the authority that returned it").isEqualTo("SH");
        assertThat(dispute.state().startedAt()).isEqualTo(LegalClocksTest.shanghai("2026-09-01T12:00"));
        assertThat(dispute.state().isStopped()).isFalse();

        caseClocks.moved(change(report, "RETURNED", "TRANSFERRED", CaseTransitions.GATEWAY, "JS",
                "2026-09-01T12:00"));

        StoredClock clue = store.find(report, ClockKind.CLUE_CHECK).orElseThrow();
        assertThat(clue.partner()).as("the new receiver's own clue check").isEqualTo("JS");
        assertThat(clue.state().isStopped()).isFalse();
        dispute = store.find(report, ClockKind.JURISDICTION_DISPUTE).orElseThrow();
        assertThat(dispute.partner()).as("not settled by a re-route, handed on").isEqualTo("JS");
        assertThat(dispute.state().startedAt()).isEqualTo(LegalClocksTest.shanghai("2026-09-01T12:00"));
        assertThat(dispute.state().isStopped()).isFalse();

        caseClocks.moved(change(report, "TRANSFERRED", "ACCEPTED", "JS", "JS", "2026-09-01T15:00"));

        assertThat(store.ofCase(report)).allSatisfy(stored -> assertThat(stored.status())
                .isEqualTo(ClockStatus.STOPPED));
        assertThat(store.find(report, ClockKind.JURISDICTION_DISPUTE).orElseThrow().state().stoppedAt())
                .isEqualTo(LegalClocksTest.shanghai("2026-09-01T15:00"));
    }

    @Test
    void anOperatorsAssignmentSettlesTheDisputeAndALaterReturnStartsAnotherRun() {
        String complaint = opened(MessageKind.COMPLAINT);
        caseClocks.moved(change(complaint, "TRANSFERRED", "RETURNED", "SH", "SH", "2026-09-01T11:00"));

        caseClocks.moved(change(complaint, "RETURNED", "TRANSFERRED", "zhang.wei", "GZ", "2026-09-01T14:00"));

        StoredClock settled = store.find(complaint, ClockKind.JURISDICTION_DISPUTE).orElseThrow();
        assertThat(settled.status()).isEqualTo(ClockStatus.STOPPED);
        assertThat(settled.state().stoppedAt()).isEqualTo(LegalClocksTest.shanghai("2026-09-01T14:00"));
        assertThat(store.find(complaint, ClockKind.ACCEPTANCE).orElseThrow().partner()).isEqualTo("GZ");

        caseClocks.moved(change(complaint, "TRANSFERRED", "RETURNED", "GZ", "GZ", "2026-09-01T16:00"));

        StoredClock again = store.find(complaint, ClockKind.JURISDICTION_DISPUTE).orElseThrow();
        assertThat(again.id()).isEqualTo(settled.id());
        assertThat(again.partner()).isEqualTo("GZ");
        assertThat(again.state().startedAt()).isEqualTo(LegalClocksTest.shanghai("2026-09-01T16:00"));
        assertThat(again.state().isStopped()).isFalse();
    }

    /** A case Shenzhen transferred to Shanghai on Tue 2026-09-01, 09:00 in Shanghai. */
    private String opened(MessageKind kind) {
        String gatewayRef = "GW-2026-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
        TransferCase transfer = new TransferCase(gatewayRef, "SZ", "SZ12315-2026-000123", "SZ-" + gatewayRef, "SH",
                "310115", "TRANSFERRED", receivedAt(), receivedAt(), false, null, null);
        ledger.openCase(transfer, kind);
        caseClocks.opened(new CaseOpened(transfer, kind));
        return gatewayRef;
    }

    private static OffsetDateTime receivedAt() {
        return OffsetDateTime.parse("2026-09-01T09:00:00+08:00");
    }

    private static CaseTransition change(String gatewayRef, String from, String to, String by, String receiver,
            String shanghaiTime) {
        return new CaseTransition(gatewayRef, from, to, by, null, receiver, to.equals("RETURNED") ? "not ours" : null,
                LegalClocksTest.shanghai(shanghaiTime).atOffset(ZoneOffset.UTC));
    }

    private static HikariDataSource database() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:case-clocks-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
