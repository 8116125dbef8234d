package cn.consumerexchange.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.consumerexchange.gateway.OperatorViewsTestSupport;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;

/** Payloads are shown masked; unmasking needs a reason, returns the bytes as received and is audited. */
class PayloadViewTest extends OperatorViewsTestSupport {

    @Autowired
    OperatorAudit audit;

    @Test
    void theMaskedPayloadNeverHoldsTheComplainantsDataAsSent() throws Exception {
        String messageId = newMessageId();
        String gatewayRef = deliveredComplaint(messageId, newCaseNumber());
        List<LedgerEntry> rows = ledger.entriesOf(gatewayRef);

        for (LedgerEntry row : rows) {
            ResponseEntity<String> answer = operator().getForEntity("/api/messages/" + row.id() + "/payload",
                    String.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(row.direction() + " row")
                    .doesNotContain(COMPLAINANT_NAME, COMPLAINANT_PHONE, COMPLAINANT_ID, "世纪大道100号");
            JsonNode view = json.readTree(answer.getBody());
            assertThat(view.path("withheld").asBoolean()).isFalse();
            assertThat(view.path("format").asText())
                    .isEqualTo(row.direction() == Direction.IN ? "gba-xml" : "yrd-json");
            assertThat(view.path("contractXml").asText()).contains("<Name>陈**</Name>", "*******8000",
                    "4****************4", "上海市浦东新", "上海浦江优选电器有限公司");
        }
        assertThat(operator().getForEntity("/api/cases/" + gatewayRef + "/timeline", String.class).getBody())
                .doesNotContain(COMPLAINANT_NAME, COMPLAINANT_PHONE, COMPLAINANT_ID);
    }

    @Test
    void unmaskingWithoutAReasonIsRefused() throws Exception {
        String messageId = newMessageId();
        deliveredComplaint(messageId, newCaseNumber());
        long ledgerId = ledger.findInbound("SZ", messageId).orElseThrow().id();

        for (String reason : new String[] {null, "   "}) {
            ResponseEntity<String> answer = unmask("/api/messages/" + ledgerId + "/payload/unmasked", reason);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("REASON_REQUIRED");
        }
        assertThat(audit.of("message:" + ledgerId)).isEmpty();
    }

    @Test
    void unmaskingWithAReasonReturnsTheBytesAsReceivedAndIsAudited() {
        String messageId = newMessageId();
        String caseNumber = newCaseNumber();
        deliveredComplaint(messageId, caseNumber);
        LedgerEntry inbound = ledger.findInbound("SZ", messageId).orElseThrow();

        ResponseEntity<byte[]> answer = operator().postForEntity("/api/messages/" + inbound.id() + "/payload/unmasked",
                form("The consumer asked what we hold about them (ticket 42)"), byte[].class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        assertThat(answer.getBody()).isEqualTo(complaint(messageId, caseNumber).getBytes(StandardCharsets.UTF_8));
        assertThat(audit.of("message:" + inbound.id())).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("UNMASK_PAYLOAD");
            assertThat(action.operator()).isEqualTo("operator");
            assertThat(action.reason()).isEqualTo("The consumer asked what we hold about them (ticket 42)");
        });
    }

    @Test
    void quarantinedInputIsWithheldUnlessUnmaskedForAReason() throws Exception {
        String garbage = "<<< not a message " + newMessageId() + " 13900139000";
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        sendAsShenzhen(garbage);
        JsonNode found = getJson("/api/quarantine?partner=SZ&from=" + before);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        long id = found.path("items").get(0).path("id").asLong();

        JsonNode view = getJson("/api/quarantine/" + id + "/payload");
        assertThat(view.path("withheld").asBoolean()).isTrue();
        assertThat(view.path("bytes").asLong()).isEqualTo(garbage.getBytes(StandardCharsets.UTF_8).length);
        assertThat(view.path("sha256").asText()).hasSize(64);
        assertThat(view.toString()).doesNotContain("13900139000", "not a message");

        assertThat(unmask("/api/quarantine/" + id + "/payload/unmasked", "").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<byte[]> unmasked = operator().postForEntity("/api/quarantine/" + id + "/payload/unmasked",
                form("find out what Shenzhen's system sent"), byte[].class);
        assertThat(unmasked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unmasked.getBody()).isEqualTo(garbage.getBytes(StandardCharsets.UTF_8));
        assertThat(audit.of("quarantine:" + id)).extracting(OperatorAudit.Action::action)
                .containsExactly("UNMASK_PAYLOAD");
    }

    @Test
    void aRejectedPayloadTheFormatCannotReadIsWithheldWithItsFingerprint() throws Exception {
        String messageId = newMessageId();
        String unreadable = complaint(messageId, newCaseNumber()).replace("type=\"complaint\"", "type=\"fax\"");
        sendAsShenzhen(unreadable);
        LedgerEntry rejected = ledger.findInbound("SZ", messageId).orElseThrow();

        JsonNode view = getJson("/api/messages/" + rejected.id() + "/payload");

        assertThat(view.path("withheld").asBoolean()).isTrue();
        assertThat(view.path("sha256").asText()).isEqualTo(rejected.payloadSha256());
        assertThat(view.path("bytes").asLong()).isEqualTo(unreadable.getBytes(StandardCharsets.UTF_8).length);
        assertThat(view.path("reason").asText()).contains("gba-xml");
        assertThat(view.has("contractXml")).isFalse();
        assertThat(view.toString()).doesNotContain(COMPLAINANT_NAME, COMPLAINANT_PHONE, COMPLAINANT_ID);
    }

    @Test
    void anUnknownMessageIsAProblemWithACode() throws Exception {
        ResponseEntity<String> answer = operator().getForEntity("/api/messages/987654321/payload", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private ResponseEntity<String> unmask(String uri, String reason) {
        return operator().postForEntity(uri, form(reason), String.class);
    }

    private static HttpEntity<MultiValueMap<String, String>> form(String reason) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (reason != null) {
            form.add("reason", reason);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form, headers);
    }
}
