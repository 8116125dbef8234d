package cn.consumerexchange.gateway.deadline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.ConsoleSession;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * The legal clocks run from the case lifecycle, in the real gateway: Shenzhen files complaints about Shanghai
 * businesses, WireMock plays Shanghai (yrd-json over HTTP) and reports the case's states. Warnings come once the
 * acceptance period's 7 working days are all that remain ({@code warn-working-days=7}, so a fresh clock is due soon);
 * a miss is made by moving a clock's start back. The sweep is run by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegalClockFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.deadlines.warn-working-days", () -> "7");
        registry.add("exchange.deadlines.sweep-interval", () -> "1h");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarRegistry calendars;
    @Autowired
    LegalClocks clocks;
    @Autowired
    LegalClockStore store;
    @Autowired
    DeadlineSweeper sweeper;
    @Autowired
    TransferLedger ledger;

    @BeforeEach
    void shanghaiTakesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void theLifecycleStartsStopsPausesAndResumesTheClocks() throws Exception {
        String gatewayRef = DeadlineTestSupport.complaintToShanghai(http.getRestTemplate());

        JsonNode acceptance = clock(gatewayRef, "ACCEPTANCE");
        LocalDate receivedOn = ledger.findCase(gatewayRef).orElseThrow().receivedAt()
                .atZoneSameInstant(CalendarRegion.CN.zone()).toLocalDate();
        LocalDate due = LocalDate.parse(acceptance.path("dueDate").asText());
        WorkingDayCalendar mainland = calendars.calendar(CalendarRegion.CN);
        assertThat(mainland.isWorkingDay(due)).isTrue();
        assertThat(mainland.workingDaysAfter(receivedOn, due)).as("7 working days after receipt (art. 15)")
                .isEqualTo(7);
        assertThat(acceptance.path("partner").asText()).isEqualTo("SH");
        assertThat(acceptance.path("calendarRegion").asText()).isEqualTo("CN");
        assertThat(acceptance.path("ruleSet").asText()).isEqualTo("ORDER_121");
        assertThat(acceptance.path("article").asText()).isEqualTo("Order No. 121 art. 15");
        assertThat(acceptance.path("status").asText()).isEqualTo("DUE_SOON");

        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), gatewayRef, "ACCEPTED");
        acceptance = clock(gatewayRef, "ACCEPTANCE");
        assertThat(acceptance.path("status").asText()).isEqualTo("STOPPED");
        assertThat(acceptance.path("stoppedInTime").asBoolean(false)).isTrue();
        assertThat(clocks(gatewayRef)).as("no mediation before mediation starts").hasSize(1);

        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), gatewayRef, "IN_MEDIATION");
        JsonNode mediation = clock(gatewayRef, "MEDIATION");
        assertThat(mediation.path("startedAt").asText()).isEqualTo(acceptance.path("stoppedAt").asText());
        assertThat(mediation.path("article").asText()).isEqualTo("Order No. 121 art. 22-23");
        if (!mainland.covers(LocalDate.parse(acceptance.path("stoppedAt").asText().substring(0, 10))
                .plusDays(61).getYear())) {
            // 60 days from now run into a year without a calendar: shown as such, never guessed.
            assertThat(mediation.path("status").asText()).isEqualTo("CALENDAR_MISSING");
            assertThat(mediation.path("problem").asText()).contains("CALENDAR_MISSING");
            assertThat(mediation.path("dueDate").isNull()).isTrue();
        }

        // Started 50 days ago, the mediation is due within the loaded calendar.
        DeadlineTestSupport.startEarlier(jdbc, gatewayRef, ClockKind.MEDIATION, Duration.ofDays(50));
        LocalDate unpaused = LocalDate.parse(clock(gatewayRef, "MEDIATION").path("dueDate").asText());

        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), gatewayRef, "MEDIATION_PAUSED");
        mediation = clock(gatewayRef, "MEDIATION");
        assertThat(mediation.path("status").asText()).isEqualTo("PAUSED");
        assertThat(mediation.path("dueDate").isNull()).isTrue();
        assertThat(mediation.path("pauses")).hasSize(1);

        // The appraisal began 5 days ago: those days are not counted once mediation resumes.
        jdbc.sql("update legal_clock_pause set paused_at = paused_at - interval '5' day, paused_on = ?"
                        + " where clock_id = (select id from legal_clock where gateway_ref = ? and kind = 'MEDIATION')")
                .params(LocalDate.parse(mediation.path("pauses").get(0).path("pausedOn").asText()).minusDays(5),
                        gatewayRef)
                .update();
        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), gatewayRef, "IN_MEDIATION");
        mediation = clock(gatewayRef, "MEDIATION");
        assertThat(mediation.path("status").asText()).isIn("ON_TIME", "DUE_SOON");
        assertThat(LocalDate.parse(mediation.path("dueDate").asText())).isAfterOrEqualTo(unpaused.plusDays(5));
        assertThat(mediation.path("pauses").get(0).path("resumedAt").isNull()).isFalse();

        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), gatewayRef, "MEDIATED");
        assertThat(clock(gatewayRef, "MEDIATION").path("status").asText()).isEqualTo("STOPPED");
        assertThat(store.ofCase(gatewayRef)).allSatisfy(stored -> assertThat(stored.status())
                .isEqualTo(ClockStatus.STOPPED));
    }

    @Test
    void aClockDueSoonIsWarnedOnceAndAMissIsFlaggedOnceToOperatorsAndToShanghai() throws Exception {
        String dueSoon = DeadlineTestSupport.complaintToShanghai(http.getRestTemplate());
        String missed = DeadlineTestSupport.complaintToShanghai(http.getRestTemplate());
        DeadlineTestSupport.startEarlier(jdbc, missed, ClockKind.ACCEPTANCE, Duration.ofDays(30));

        sweeper.sweep();

        StoredClock warned = store.find(dueSoon, ClockKind.ACCEPTANCE).orElseThrow();
        assertThat(warned.status()).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(warned.warnedAt()).isNotNull();
        assertThat(warned.flaggedAt()).isNull();
        StoredClock flagged = store.find(missed, ClockKind.ACCEPTANCE).orElseThrow();
        assertThat(flagged.status()).isEqualTo(ClockStatus.MISSED);
        assertThat(flagged.flaggedAt()).isNotNull();

        JsonNode board = json.readTree(operatorGet("/api/deadlines?status=MISSED&partner=SH&size=200"));
        assertThat(board.path("clocks").findValuesAsText("gatewayRef")).contains(missed).doesNotContain(dueSoon);
        JsonNode soon = json.readTree(operatorGet("/api/deadlines?status=DUE_SOON"));
        assertThat(soon.path("clocks").findValuesAsText("gatewayRef")).contains(dueSoon).doesNotContain(missed);
        JsonNode running = json.readTree(operatorGet("/api/deadlines?size=200")).path("clocks");
        assertThat(running.get(0).path("status").asText()).as("missed first").isEqualTo("MISSED");

        // Shanghai, which holds both cases, is told once of each, in its own format, through the normal delivery.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(dueSoon))
                    .withRequestBody(containing("Deadline due soon")));
            SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(missed))
                    .withRequestBody(containing("Deadline missed")));
        });
        assertThat(noticeStates(missed)).containsExactly("DELIVERED");

        ConsoleSession viewer = ConsoleSession.loggedIn(port, "viewer", "demo-viewer");
        String missedBoard = viewer.get("/console/deadlines?status=MISSED&partner=SH").body();
        assertThat(missedBoard).contains("data-case=\"" + missed + "\"").doesNotContain(dueSoon);
        assertThat(viewer.get("/console/deadlines").body().indexOf(missed))
                .as("missed before due soon on the board")
                .isLessThan(viewer.get("/console/deadlines").body().indexOf(dueSoon));
        String dashboard = viewer.get("/console/dashboard").body();
        assertThat(dashboard).contains("data-tile=\"deadlines-missed\"", "data-tile=\"deadlines-due-soon\"");
        assertThat(tileValue(dashboard, "deadlines-missed")).isPositive();
        String casePage = viewer.get("/console/cases/" + missed).body();
        assertThat(casePage).contains("data-kind=\"ACCEPTANCE\" data-status=\"MISSED\"", "Order No. 121 art. 15");

        assertThat(sweeper.sweep()).isEqualTo(new DeadlineSweeper.Outcome(0, 0));
        OffsetDateTime flaggedAt = store.find(missed, ClockKind.ACCEPTANCE).orElseThrow().flaggedAt();
        assertThat(flaggedAt).isEqualTo(flagged.flaggedAt());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(missed))
                    .withRequestBody(containing("Deadline")));
            assertThat(noticeStates(missed)).hasSize(1);
            assertThat(noticeStates(dueSoon)).hasSize(1);
        });
    }

    @Test
    void aReportStartsItsClueCheckAtReceiptAndTheDecisionToOpenACaseStopsIt() throws Exception {
        String report = DeadlineTestSupport.reportToShanghai(http.getRestTemplate());

        JsonNode clue = clock(report, "CLUE_CHECK");
        assertThat(clocks(report)).as("a report is checked, not accepted like a complaint").hasSize(1);
        assertThat(clue.path("partner").asText()).isEqualTo("SH");
        assertThat(clue.path("ruleSet").asText()).isEqualTo("ORDER_121");
        assertThat(clue.path("article").asText()).isEqualTo("Order No. 121 art. 27");
        if (!clue.path("status").asText().equals("CALENDAR_MISSING")) {
            LocalDate receivedOn = ledger.findCase(report).orElseThrow().receivedAt()
                    .atZoneSameInstant(CalendarRegion.CN.zone()).toLocalDate();
            assertThat(calendars.calendar(CalendarRegion.CN).workingDaysAfter(receivedOn,
                    LocalDate.parse(clue.path("dueDate").asText()))).as("15 working days (art. 27)").isEqualTo(15);
        }
        JsonNode board = json.readTree(operatorGet("/api/deadlines?partner=SH&size=200")).path("clocks");
        assertThat(board.findParents("gatewayRef")).anySatisfy(onBoard -> {
            assertThat(onBoard.path("gatewayRef").asText()).isEqualTo(report);
            assertThat(onBoard.path("kind").asText()).isEqualTo("CLUE_CHECK");
            assertThat(onBoard.path("order").asText()).isEqualTo("SAMR Order No. 121");
        });

        // Shanghai decides to open a case (立案): the contract's ACCEPTED on a report.
        DeadlineTestSupport.shanghaiReports(http.getRestTemplate(), report, "ACCEPTED");

        clue = clock(report, "CLUE_CHECK");
        assertThat(clue.path("status").asText()).isEqualTo("STOPPED");
        assertThat(clue.path("stoppedInTime").asBoolean(false)).isTrue();
    }

    @Test
    void aReturnStartsAJurisdictionDisputeFlaggedForEscalationWhenMissedAndSettledByAnOperatorsAssignment()
            throws Exception {
        String gatewayRef = DeadlineTestSupport.complaintToShanghai(http.getRestTemplate());

        // Shanghai returns it; no other partner serves Pudong, so it waits for an operator.
        DeadlineTestSupport.shanghaiReturns(http.getRestTemplate(), gatewayRef);

        assertThat(clock(gatewayRef, "ACCEPTANCE").path("status").asText()).isEqualTo("STOPPED");
        JsonNode dispute = clock(gatewayRef, "JURISDICTION_DISPUTE");
        assertThat(dispute.path("partner").asText()).as("held by the authority that returned it").isEqualTo("SH");
        assertThat(dispute.path("article").asText()).isEqualTo("Order No. 121 art. 33");
        assertThat(dispute.path("status").asText()).isIn("ON_TIME", "DUE_SOON", "CALENDAR_MISSING");

        DeadlineTestSupport.startEarlier(jdbc, gatewayRef, ClockKind.JURISDICTION_DISPUTE, Duration.ofDays(30));
        sweeper.sweep();

        assertThat(store.find(gatewayRef, ClockKind.JURISDICTION_DISPUTE).orElseThrow().flaggedAt()).isNotNull();
        JsonNode missed = json.readTree(operatorGet("/api/deadlines?status=MISSED&partner=SH&size=200"));
        assertThat(missed.path("clocks").findParents("gatewayRef")).anySatisfy(onBoard -> {
            assertThat(onBoard.path("gatewayRef").asText()).isEqualTo(gatewayRef);
            assertThat(onBoard.path("kind").asText()).isEqualTo("JURISDICTION_DISPUTE");
            assertThat(onBoard.path("whenRunOut").asText()).contains("escalate to the common superior authority");
        });
        ConsoleSession viewer = ConsoleSession.loggedIn(port, "viewer", "demo-viewer");
        assertThat(viewer.get("/console/deadlines?status=MISSED&partner=SH&lang=en").body())
                .contains("now: escalate to the common superior authority (报请指定管辖)");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(gatewayRef))
                        .withRequestBody(containing("JURISDICTION_DISPUTE"))
                        .withRequestBody(containing("escalate to the common superior authority"))));

        ResponseEntity<String> assigned = http.withBasicAuth("operator", "demo-operator").postForEntity(
                "/api/transfers/" + gatewayRef + "/reassign?partner=GZ&reason=assigned+by+the+common+superior",
                null, String.class);
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        dispute = clock(gatewayRef, "JURISDICTION_DISPUTE");
        assertThat(dispute.path("status").asText()).isEqualTo("STOPPED");
        assertThat(dispute.path("stoppedInTime").asBoolean(true)).isFalse();
        JsonNode acceptance = clock(gatewayRef, "ACCEPTANCE");
        assertThat(acceptance.path("partner").asText()).as("the assigned authority's own period").isEqualTo("GZ");
        assertThat(acceptance.path("status").asText()).isNotEqualTo("STOPPED");
    }

    @Test
    void theDeadlinesNeedALoginAndTakeEveryRole() {
        assertThat(http.getForEntity("/api/deadlines", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("viewer", "demo-viewer").getForEntity("/api/deadlines", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("auditor", "demo-auditor")
                .getForEntity("/api/cases/GW-2026-NOSUCHCASE/clocks", String.class).getBody()).isEqualTo("[]");
    }

    private static int tileValue(String dashboard, String tile) {
        Matcher value = Pattern.compile("data-tile=\"" + tile + "\"[^>]*>\\s*<div class=\"value\">(\\d+)</div>")
                .matcher(dashboard);
        assertThat(value.find()).as("tile %s", tile).isTrue();
        return Integer.parseInt(value.group(1));
    }

    private List<String> noticeStates(String gatewayRef) {
        return jdbc.sql("select state from ledger_message where direction = 'IN' and partner_code = 'GATEWAY'"
                        + " and gateway_ref = ? order by id")
                .param(gatewayRef).query(String.class).list();
    }

    private JsonNode clocks(String gatewayRef) throws Exception {
        return json.readTree(operatorGet("/api/cases/" + gatewayRef + "/clocks"));
    }

    private JsonNode clock(String gatewayRef, String kind) throws Exception {
        for (JsonNode clock : clocks(gatewayRef)) {
            if (clock.path("kind").asText().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("No " + kind + " clock for " + gatewayRef + ": " + clocks(gatewayRef));
    }

    private String operatorGet(String path) {
        ResponseEntity<String> answer = http.withBasicAuth("operator", "demo-operator").getForEntity(path,
                String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
