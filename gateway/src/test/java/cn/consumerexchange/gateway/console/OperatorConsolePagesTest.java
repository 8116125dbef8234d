package cn.consumerexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import cn.consumerexchange.gateway.ConsoleSession;
import cn.consumerexchange.gateway.OperatorViewsTestSupport;

/**
 * The console's search, case, payload and returns pages, in English and in Chinese, against the real gateway.
 */
class OperatorConsolePagesTest extends OperatorViewsTestSupport {

    @LocalServerPort
    int port;

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
        assertThat(console().get("/console/cases/GW-2026-NOSUCHCASE").statusCode())
                .isEqualTo(HttpStatus.NOT_FOUND.value());
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

        HttpResponse<String> noReason = unmask("/console/messages/" + ledgerId + "/unmask", " ");
        assertThat(noReason.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(noReason.body()).contains("id=\"unmask-error\"").doesNotContain(COMPLAINANT_NAME);

        HttpResponse<String> unmasked = unmask("/console/messages/" + ledgerId + "/unmask", "complainant's request");
        assertThat(unmasked.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(unmasked.body()).contains("id=\"payload-unmasked\"", COMPLAINANT_NAME, COMPLAINANT_PHONE);
    }

    private ConsoleSession console() {
        return ConsoleSession.loggedIn(port, "operator", "demo-operator");
    }

    @Test
    void theReturnsPageListsTheCommitmentsTheSchemesTheRatesAndTodaysStatement() {
        String english = page("/console/returns?lang=en");
        assertThat(english).contains("<h1>Cross-store returns</h1>", "岭南优品", "LNYP-7D-2025",
                "LNYP-HK-0001-02 · 810000 · HKD", "JS-ADV-48H", "100 HKD = 91.27 CNY",
                "href=\"/api/returns/statements");
        String chinese = page("/console/returns?lang=zh");
        assertThat(chinese).contains("<h1>异地异店退换货</h1>", "线下无理由退货承诺", "先行垫付机制");
    }

    private String page(String uri) {
        HttpResponse<String> answer = console().get(uri);
        assertThat(answer.statusCode()).as(uri).isEqualTo(HttpStatus.OK.value());
        return answer.body();
    }

    private HttpResponse<String> unmask(String uri, String reason) {
        ConsoleSession operator = console();
        operator.get(uri.replace("/unmask", "/payload"));
        return operator.post(uri + "?lang=en", Map.of("reason", reason));
    }
}
