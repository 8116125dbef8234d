package cn.consumerexchange.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * The console in a real browser (Debian's headless Chromium), against a real gateway: Shenzhen's complaints to
 * Shanghai fail because Shanghai refuses them; operators of each role log in, find them, and an operator bulk-retries
 * Shanghai's failures once Shanghai is fixed. Every page visited is kept as a screenshot under
 * {@code target/screenshots/}. Tagged {@code services}: it needs the machine's chromium and chromedriver, which
 * {@code .ci/run} installs.
 */
@Tag("services")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    static final List<String> FAILED_CASES = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TransferLedger ledger;
    @Autowired
    OperatorAudit audit;

    @BeforeAll
    static void shanghaiRefusesEverything() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unknown merchant category\"}")));
    }

    @Test
    @Order(1)
    void shenzhensComplaintsToShanghaiFail() {
        for (int i = 1; i <= 3; i++) {
            String caseNumber = "SZ12315-" + RUN + "-" + i;
            String messageId = "SZ-B-" + RUN + "-" + i;
            assertThat(send(messageId, caseNumber)).isEqualTo(HttpStatus.ACCEPTED);
            FAILED_CASES.add(caseNumber);
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.findInbound("SZ", messageId)
                    .map(entry -> entry.state() == MessageState.DELIVERY_FAILED).orElse(false));
        }
    }

    @Test
    @Order(2)
    void aViewerFindsAFailedTransferByCaseNumberButCanNeitherRetryNorUnmask() throws Exception {
        try (ConsoleBrowser browser = browser("zh-CN")) {
            browser.logIn("viewer", "demo-viewer");
            browser.waitFor(ExpectedConditions.urlContains("/console/dashboard"));
            browser.open("/console/dashboard?lang=zh");
            assertThat(browser.find(By.id("tiles")).getText()).contains("在途");
            browser.screenshot("01-dashboard-viewer-zh");

            browser.open("/console/search?originCaseNumber=" + FAILED_CASES.get(0));
            WebElement results = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
            assertThat(results.getText()).contains(FAILED_CASES.get(0)).contains("DELIVERY_FAILED");
            browser.screenshot("02-search-by-case-number");

            results.findElement(By.cssSelector("a[href^='/console/cases/']")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            assertThat(browser.find(By.id("timeline")).getText()).contains("DELIVERY_FAILED");
            browser.screenshot("03-case-timeline");

            browser.find(By.cssSelector("#timeline a[href$='/payload']")).click();
            WebElement payload = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("payload-masked")));
            assertThat(payload.getText()).doesNotContain("陈晓明").doesNotContain("13800138000");
            browser.screenshot("04-payload-masked");
            unmask(browser, "viewer wants to read the name");
            assertThat(browser.driver().getPageSource()).doesNotContain("13800138000");
            browser.screenshot("05-viewer-unmask-refused");

            browser.open("/console/failures?receiver=SH");
            retryOne(browser, "viewer tries a retry");
            assertThat(browser.driver().getPageSource()).doesNotContain("13800138000");
            browser.screenshot("06-viewer-retry-refused");
        }
        assertThat(ledger.findInbound("SZ", "SZ-B-" + RUN + "-1").orElseThrow().state())
                .isEqualTo(MessageState.DELIVERY_FAILED);
    }

    @Test
    @Order(3)
    void anOperatorBulkRetriesShanghaisFailuresAndSeesThemDelivered() throws Exception {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        try (ConsoleBrowser browser = browser("en-US")) {
            browser.logIn("operator", "demo-operator");
            browser.waitFor(ExpectedConditions.urlContains("/console/dashboard"));
            browser.open("/console/failures?receiver=SH&lang=en");
            WebElement failures = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("failures")));
            for (String caseNumber : FAILED_CASES) {
                assertThat(failures.getText()).contains(caseNumber);
            }
            browser.screenshot("07-failures-operator-en");

            WebElement bulk = browser.find(By.id("bulk-retry"));
            bulk.findElement(By.name("reason")).sendKeys("Shanghai fixed its merchant categories (ticket 4711)");
            bulk.findElement(By.id("bulk-preview")).click();
            WebElement confirm = browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("bulk-confirm")));
            assertThat(browser.find(By.id("bulk-preview-result")).getText())
                    .startsWith(FAILED_CASES.size() + " ");
            browser.screenshot("08-bulk-retry-preview");
            confirm.click();
            WebElement result = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("bulk-result")));
            assertThat(result.getText()).contains(String.valueOf(FAILED_CASES.size()));
            browser.screenshot("09-bulk-retry-done");

            for (int i = 1; i <= FAILED_CASES.size(); i++) {
                String messageId = "SZ-B-" + RUN + "-" + i;
                await().atMost(Duration.ofSeconds(20)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                        .state() == MessageState.DELIVERED);
            }
            browser.open("/console/search?originCaseNumber=" + FAILED_CASES.get(0) + "&lang=en");
            assertThat(browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("messages"))).getText())
                    .contains("DELIVERED");
            browser.screenshot("10-search-delivered");

            browser.open("/console/partners?lang=en");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("partners")));
            browser.screenshot("11-partners");
        }
    }

    @Test
    @Order(4)
    void anAuditorSeesBothAttemptsWithWhoAndWhy() throws Exception {
        try (ConsoleBrowser browser = browser("zh-CN")) {
            browser.logIn("auditor", "demo-auditor");
            browser.waitFor(ExpectedConditions.urlContains("/console/dashboard"));
            browser.open("/console/audit?lang=zh");
            WebElement audit = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            assertThat(audit.getText())
                    .contains("viewer tries a retry").contains("viewer wants to read the name")
                    .contains("BULK_RETRY").contains("ticket 4711");
            List<String> rows = audit.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText)
                    .toList();
            assertThat(rows).anySatisfy(row -> assertThat(row).contains(" viewer POST /console/failures/").contains("message:").contains("viewer tries a retry")
                    .endsWith("已拒绝"));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains(" viewer POST /console/messages/")
                    .contains("viewer wants to read the name").endsWith("已拒绝"));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains(" operator BULK_RETRY messages:SH")
                    .contains("ticket 4711").endsWith("已执行"));
            browser.screenshot("12-audit-auditor");
        }
    }

    @Test
    @Order(5)
    void anAdministratorSeesEveryPage() throws Exception {
        try (ConsoleBrowser browser = browser("en-US")) {
            browser.logIn("admin", "demo-admin");
            browser.waitFor(ExpectedConditions.urlContains("/console/dashboard"));
            browser.open("/console/dashboard?lang=en");
            assertThat(browser.find(By.id("tiles")).getText()).isNotBlank();
            browser.screenshot("13-dashboard-admin-en");
            browser.open("/console/audit?lang=en");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            browser.screenshot("14-audit-admin-en");
            browser.open("/console/deadlines?lang=en");
            assertThat(browser.find(By.tagName("main")).getText()).contains("3 clocks", "Acceptance (7 working days)");
            browser.screenshot("16-deadlines");
            browser.open("/console/calendars?lang=zh");
            assertThat(browser.find(By.tagName("main")).getText()).contains("2026");
            browser.screenshot("17-calendars-zh");
            browser.open("/console/dashboard?lang=en");
            browser.logOut();
            browser.waitFor(ExpectedConditions.urlContains("/login"));
            browser.screenshot("18-logged-out");
        }
    }

    private ConsoleBrowser browser(String language) throws Exception {
        return new ConsoleBrowser("http://localhost:" + port, language);
    }

    private static void unmask(ConsoleBrowser browser, String reason) {
        WebElement form = browser.find(By.id("unmask"));
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void retryOne(ConsoleBrowser browser, String reason) {
        WebElement form = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.retry-one")));
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private HttpStatus send(String messageId, String caseNumber) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId)
                .replace("SZ12315-2026-000123", caseNumber);
        return HttpStatus.valueOf(http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(complaint, headers), String.class).getStatusCode().value());
    }
}
