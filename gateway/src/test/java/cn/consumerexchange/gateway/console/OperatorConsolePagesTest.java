package cn.consumerexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.consumerexchange.gateway.OperatorViewsTestSupport;

/**
 * The console's search, case and payload pages, in English and in Chinese, against the real gateway.
 */
class OperatorConsolePagesTest extends OperatorViewsTestSupport {

    @Test
    void theSearchPageListsTheComplaintWithLinksToItsCaseAndPayload() {
        String messageId = newMessageId();
        String caseNumber = newCaseNumber();
        String gatewayRef = deliveredComplaint(messageId, caseNumber);
        long ledgerId = ledger.findInbound("SZ", messageId).orElseThrow().id();

        String english = page("/console/search?lang=en&originCaseNumber=" + caseNumber);
        assertThat(english).contains("<h1>Search</h1>", "2 found", messageId, caseNumber,
                "href=\"/console/cases/" + gatewayRef + "\"", "href=\"/console/messages/" + ledgerId + "/payload\"",
                "id=\"quarantine\"");
        String chinese = page("/console/search?lang=zh&originCaseNumber=" + caseNumber);
        assertThat(chinese).contains("<h1>查询</h1>", "共 2 条", messageId);
    }

    @Test
    void anUnknownStateOnTheSearchPageIsSaidNotFailed() {
        assertThat(page("/console/search?lang=en&state=LOST")).contains("id=\"search-error\"", "LOST");
    }

    @Test
    void theCasePageShowsTheTimeline() {
        String caseNumber = newCaseNumber();
        String gatewayRef = deliveredComplaint(newMessageId(), caseNumber);

        String english = page("/console/cases/" + gatewayRef + "?lang=en");
        assertThat(english).contains("Case " + gatewayRef, caseNumber, "id=\"timeline\"", "data-kind=\"MESSAGE\"",
                "IN COMPLAINT", "OUT COMPLAINT");
        assertThat(page("/console/cases/" + gatewayRef + "?lang=zh")).contains("时间线", "报文");
        assertThat(operator().getForEntity("/console/cases/GW-2026-NOSUCHCASE", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePayloadPageMasksAndUnmasksOnlyForAReason() {
        String messageId = newMessageId();
        deliveredComplaint(messageId, newCaseNumber());
        long ledgerId = ledger.findInbound("SZ", messageId).orElseThrow().id();

        String masked = page("/console/messages/" + ledgerId + "/payload?lang=en");
        assertThat(masked).contains("id=\"payload-masked\"", "陈**", "*******8000", "id=\"unmask\"")
                .doesNotContain(COMPLAINANT_NAME, COMPLAINANT_PHONE, COMPLAINANT_ID);
        assertThat(page("/console/messages/" + ledgerId + "/payload?lang=zh")).contains("已脱敏");

        ResponseEntity<String> noReason = unmask("/console/messages/" + ledgerId + "/unmask", " ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("id=\"unmask-error\"").doesNotContain(COMPLAINANT_NAME);

        ResponseEntity<String> unmasked = unmask("/console/messages/" + ledgerId + "/unmask", "complainant's request");
        assertThat(unmasked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unmasked.getBody()).contains("id=\"payload-unmasked\"", COMPLAINANT_NAME, COMPLAINANT_PHONE);
    }

    private String page(String uri) {
        ResponseEntity<String> answer = operator().getForEntity(uri, String.class);
        assertThat(answer.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<String> unmask(String uri, String reason) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("reason", reason);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return operator().postForEntity(uri + "?lang=en", new HttpEntity<>(form, headers), String.class);
    }
}
