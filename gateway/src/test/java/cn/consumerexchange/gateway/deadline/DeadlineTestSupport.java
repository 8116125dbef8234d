package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** Complaints and status updates for the legal clock tests, and moving a clock back in time. */
final class DeadlineTestSupport {

    private DeadlineTestSupport() {
    }

    /** Shenzhen files a complaint about a Shanghai business; returns the case's gateway reference. */
    static String complaintToShanghai(RestTemplate http) {
        return accepted(http, GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", "SZ-DL-" + UUID.randomUUID()));
    }

    private static String accepted(RestTemplate http, String nativeMessage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(nativeMessage, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        Matcher ref = Pattern.compile("gateway-ref=\"(GW-[0-9A-Z-]+)\"")
                .matcher(answer.getBody());
        assertThat(ref.find()).as(answer.getBody()).isTrue();
        return ref.group(1);
    }

    /** Shenzhen files a report (举报) about a Shanghai business; returns the report case's gateway reference. */
    static String reportToShanghai(RestTemplate http) {
        return accepted(http, GatewayTestSupport.sample("gba-xml/report-to-shanghai.xml")
                .replace("SZ-20261121-000135", "SZ-JB-" + UUID.randomUUID()));
    }

    /** Shanghai returns the case to the hub as not its own (退回, art. 41), with its reason. */
    static void shanghaiReturns(RestTemplate http, String gatewayRef) {
        shanghaiSends(http, gatewayRef, "RETURNED",
                "\"state\": \"RETURNED\", \"reason\": \"被投诉人不在本机关辖区 / not in our district\"");
    }

    /** Shanghai reports a state of the case (yrd-json over HTTP). */
    static void shanghaiReports(RestTemplate http, String gatewayRef, String state) {
        shanghaiSends(http, gatewayRef, state, "\"state\": \"" + state + "\"");
    }

    private static void shanghaiSends(RestTemplate http, String gatewayRef, String state, String stateFields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Partner-Token", GatewayTestSupport.SH_TOKEN);
        String status = GatewayTestSupport.sample("yrd-json/status-accepted.json")
                .replace("SH-ST-20261121-0001", "SH-ST-" + UUID.randomUUID())
                .replace("GW-2026-REPLACEME0", gatewayRef)
                .replace("\"state\": \"ACCEPTED\"", stateFields);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/SH/messages",
                new HttpEntity<>(status, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody()).as("%s of %s accepted", state, gatewayRef).doesNotContain("ILLEGAL_TRANSITION");
    }

    /** Moves a clock's start (and its receipt) back, as if it had started {@code by} earlier. */
    static void startEarlier(JdbcClient jdbc, String gatewayRef, ClockKind kind, Duration by) {
        long days = by.toDays();
        OffsetDateTime startedAt = jdbc.sql("select started_at from legal_clock where gateway_ref = ? and kind = ?")
                .params(gatewayRef, kind.name()).query(OffsetDateTime.class).single();
        LocalDate startedOn = jdbc.sql("select started_on from legal_clock where gateway_ref = ? and kind = ?")
                .params(gatewayRef, kind.name()).query(LocalDate.class).single();
        jdbc.sql("""
                update legal_clock set started_at = ?, started_on = ?, case_received_on = ?
                where gateway_ref = ? and kind = ?""")
                .params(startedAt.minusDays(days), startedOn.minusDays(days), startedOn.minusDays(days), gatewayRef,
                        kind.name())
                .update();
    }
}
