package cn.consumerexchange.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

import cn.consumerexchange.gateway.OperatorViewsTestSupport;
import cn.consumerexchange.gateway.transfer.Sha256;

/** Operators find messages, cases and quarantined input through the API, a rejection without a case among them. */
class SearchApiTest extends OperatorViewsTestSupport {

    @Test
    void aDeliveredComplaintIsFoundByOriginCaseNumberPartnerStateTypeAndDirection() throws Exception {
        String messageId = newMessageId();
        String caseNumber = newCaseNumber();
        String gatewayRef = deliveredComplaint(messageId, caseNumber);

        JsonNode byNumber = getJson("/api/messages?originCaseNumber=" + caseNumber);
        assertThat(rows(byNumber)).containsExactlyInAnyOrder("IN SZ COMPLAINT DELIVERED", "OUT SH COMPLAINT DELIVERED");
        assertThat(byNumber.path("items").get(0).path("gatewayRef").asText()).isEqualTo(gatewayRef);

        assertThat(rows(getJson("/api/messages?originCaseNumber=" + caseNumber + "&partner=SZ")))
                .as("the outbound copy names Shenzhen as its sender")
                .hasSize(2);
        assertThat(rows(getJson("/api/messages?originCaseNumber=" + caseNumber + "&partner=SH&direction=OUT")))
                .containsExactly("OUT SH COMPLAINT DELIVERED");
        assertThat(rows(getJson("/api/messages?originCaseNumber=" + caseNumber
                + "&state=delivered&messageType=COMPLAINT&direction=IN")))
                .containsExactly("IN SZ COMPLAINT DELIVERED");
        assertThat(getJson("/api/messages?originCaseNumber=" + caseNumber + "&state=REJECTED").path("total").asLong())
                .isZero();
        assertThat(getJson("/api/messages?originCaseNumber=" + caseNumber + "&partner=GZ").path("total").asLong())
                .isZero();
        assertThat(rows(getJson("/api/messages?caseRef=" + gatewayRef))).hasSize(2);
        assertThat(getJson("/api/messages?messageId=" + messageId).path("items").get(0).path("id").asLong())
                .isEqualTo(ledger.findInbound("SZ", messageId).orElseThrow().id());
    }

    @Test
    void aRejectedComplaintWithoutACaseIsFoundByItsNumberAndByEachOfItsErrorCodes() throws Exception {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String messageId = newMessageId();
        String caseNumber = newCaseNumber();

        Element receipt = sendAsShenzhen(invalidComplaint(messageId, caseNumber));
        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");

        JsonNode found = getJson("/api/messages?originCaseNumber=" + caseNumber);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        JsonNode rejected = found.path("items").get(0);
        assertThat(rejected.path("messageId").asText()).isEqualTo(messageId);
        assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("gatewayRef").isNull()).isTrue();
        assertThat(rejected.path("errorCode").asText()).isEqualTo("INVALID_CREDIT_CODE");

        String recent = "&partner=SZ&from=" + before;
        assertThat(ids(getJson("/api/messages?errorCode=INVALID_CREDIT_CODE&size=200" + recent)))
                .contains(rejected.path("id").asLong());
        assertThat(ids(getJson("/api/messages?errorCode=DATE_IN_FUTURE&size=200" + recent)))
                .as("the second reason's code finds it too")
                .contains(rejected.path("id").asLong());
        assertThat(ids(getJson("/api/messages?errorCode=NO_JURISDICTION&size=200" + recent)))
                .doesNotContain(rejected.path("id").asLong());
    }

    @Test
    void garbageIsFoundInQuarantineByPartnerErrorCodeAndTime() throws Exception {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String garbage = "not a message at all " + newMessageId();

        Element receipt = sendAsShenzhen(garbage);
        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");

        JsonNode found = getJson("/api/quarantine?partner=SZ&errorCode=MALFORMED_XML&from=" + before);
        assertThat(found.path("items").findValuesAsText("payloadSha256"))
                .contains(Sha256.hex(garbage.getBytes(StandardCharsets.UTF_8)));
        assertThat(getJson("/api/quarantine?partner=SH&from=" + before).path("total").asLong()).isZero();
        assertThat(getJson("/api/quarantine?partner=SZ&to=" + before).path("items").findValuesAsText("payloadSha256"))
                .doesNotContain(Sha256.hex(garbage.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void resultsComeNewestFirstInPagesWithinTheTimeRange() throws Exception {
        String caseNumber = newCaseNumber();
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String messageId = newMessageId();
            sent.add(messageId);
            sendAsShenzhen(invalidComplaint(messageId, caseNumber));
        }
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);

        JsonNode first = getJson("/api/messages?originCaseNumber=" + caseNumber + "&size=2");
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items").findValuesAsText("messageId")).containsExactly(sent.get(2), sent.get(1));
        JsonNode second = getJson("/api/messages?originCaseNumber=" + caseNumber + "&size=2&page=1");
        assertThat(second.path("items").findValuesAsText("messageId")).containsExactly(sent.get(0));

        assertThat(getJson("/api/messages?originCaseNumber=" + caseNumber + "&from=" + before + "&to=" + after)
                .path("total").asLong()).isEqualTo(3);
        assertThat(getJson("/api/messages?originCaseNumber=" + caseNumber + "&to=" + before).path("total").asLong())
                .isZero();
        assertThat(getJson("/api/messages?originCaseNumber=" + caseNumber + "&from=" + after).path("total").asLong())
                .isZero();
        assertThat(getJson("/api/messages?size=5000").path("size").asInt()).isEqualTo(200);
    }

    @Test
    void aCaseIsFoundByItsNumberPartnerAndState() throws Exception {
        String caseNumber = newCaseNumber();
        String gatewayRef = deliveredComplaint(newMessageId(), caseNumber);

        JsonNode found = getJson("/api/cases?originCaseNumber=" + caseNumber);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        JsonNode transfer = found.path("items").get(0);
        assertThat(transfer.path("gatewayRef").asText()).isEqualTo(gatewayRef);
        assertThat(transfer.path("receivingPartner").asText()).isEqualTo("SH");
        assertThat(getJson("/api/cases?caseRef=" + gatewayRef + "&partner=SH").path("total").asLong()).isEqualTo(1);
        assertThat(getJson("/api/cases?caseRef=" + gatewayRef + "&partner=GZ").path("total").asLong()).isZero();
        assertThat(getJson("/api/cases?caseRef=" + gatewayRef + "&state=" + transfer.path("state").asText())
                .path("total").asLong()).isEqualTo(1);
        assertThat(getJson("/api/cases?caseRef=" + gatewayRef + "&state=CLOSED").path("total").asLong()).isZero();
    }

    @Test
    void anUnknownStateTypeOrTimeIsRefusedWithACode() throws Exception {
        for (String query : List.of("state=LOST", "messageType=FAX", "direction=SIDEWAYS", "from=yesterday",
                "errorCode=not%20a%20code", "page=-1")) {
            ResponseEntity<String> answer = operator().getForEntity("/api/messages?" + query, String.class);

            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("INVALID_CRITERIA");
        }
        ResponseEntity<String> cases = operator().getForEntity("/api/cases?state=LOST", String.class);
        assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(cases.getBody()).path("code").asText()).isEqualTo("INVALID_CRITERIA");
    }

    private static List<String> rows(JsonNode page) {
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(item -> rows.add(item.path("direction").asText() + " "
                + item.path("partner").asText() + " " + item.path("messageType").asText() + " "
                + item.path("state").asText()));
        return rows;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
