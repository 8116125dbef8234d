package cn.consumerexchange.gateway.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.consumerexchange.contract.UnifiedSocialCreditCode;
import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Shenzhen sends complaints over the HTTP intake about businesses in Shanghai or Jiangsu, both HTTP partners played by
 * one WireMock server ({@code /partners/SH/inbox}, {@code /partners/JS/inbox}).
 */
public final class ComplaintsToPartners {

    public static final String SH_INBOX = "/partners/SH/inbox";
    public static final String JS_INBOX = "/partners/JS/inbox";

    private ComplaintsToPartners() {
    }

    /** A complaint about a business in {@code receiver}'s region (SH or JS), with its own message id and case no. */
    public static String complaint(String receiver, String messageId, String caseNumber) {
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId)
                .replace("SZ12315-2026-000123", caseNumber);
        if (receiver.equals("JS")) {
            String first17 = "91320102MA1K3P8Q2";
            complaint = complaint.replace("<area-code>310115</area-code>", "<area-code>320102</area-code>")
                    .replace("91310115MA1K3P8Q2W", first17 + UnifiedSocialCreditCode.checkCharacter(first17));
        }
        return complaint;
    }

    /** Sends one complaint and returns its inbound ledger id. */
    public static long send(TestRestTemplate http, JdbcTemplate jdbc, String receiver, String caseNumber) {
        String messageId = "SZ-F-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        assertThat(http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(complaint(receiver, messageId, caseNumber), headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        return jdbc.queryForObject("select id from ledger_message where direction = 'IN' and partner_code = 'SZ' "
                + "and message_id = ?", Long.class, messageId);
    }

    public static String stateOf(JdbcTemplate jdbc, long ledgerId) {
        return jdbc.queryForObject("select state from ledger_message where id = ?", String.class, ledgerId);
    }
}
