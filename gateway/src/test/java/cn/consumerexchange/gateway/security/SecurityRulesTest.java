package cn.consumerexchange.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.ConsoleSession;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * Who may reach what, against the real gateway: the partners' intake with its token and no login, the operator API
 * with HTTP basic and the roles of {@link OperatorAccessRules}, the console with form login, the open actuator
 * endpoints; and every refusal of a logged-in operator in the audit trail. WireMock plays SH.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class SecurityRulesTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.simulator.enabled", () -> "true");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    OperatorAudit audit;
    @Autowired
    TransferLedger ledger;
    @LocalServerPort
    int port;

    @BeforeEach
    void shanghaiRefusesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unknown merchant category\"}")));
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo-" + user);
    }

    // The operator API.

    @Test
    void theOperatorApiAnswersAnAnonymousCall401AsProblemJson() throws Exception {
        ResponseEntity<String> anonymous = http.getForEntity("/api/partners", String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");
        assertThat(json.readTree(anonymous.getBody()).path("code").asText()).isEqualTo("LOGIN_REQUIRED");
        assertThat(http.withBasicAuth("viewer", "wrong").getForEntity("/api/partners", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyRoleReadsButOnlyOperatorsAct() {
        for (String user : new String[] {"viewer", "operator", "auditor", "admin"}) {
            assertThat(as(user).getForEntity("/api/partners", String.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.OK);
            assertThat(as(user).getForEntity("/api/transfers/needing-operator", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
        assertThat(as("viewer").postForEntity("/api/partners/GZ/disable", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").postForEntity("/api/partners/GZ/disable", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").postForEntity("/api/messages/987654321/retry", null, String.class)
                .getStatusCode()).as("no such message, but allowed").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("admin").postForEntity("/api/messages/987654321/retry", null, String.class)
                .getStatusCode()).as("ADMIN includes OPERATOR").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aViewerCannotRetryAnOperatorCanAndTheAuditShowsBothWithWhoAndWhy() throws Exception {
        long ledgerId = failedDelivery();
        String retry = "/api/messages/" + ledgerId + "/retry?reason=";

        ResponseEntity<String> byViewer = as("viewer").postForEntity(retry + "Shanghai asked for it", null,
                String.class);
        ResponseEntity<String> byOperator = as("operator").postForEntity(retry + "Shanghai fixed its mapping", null,
                String.class);

        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byViewer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(byViewer.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
        assertThat(problem.path("code").asText()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(problem.path("detail").asText()).contains("needs role OPERATOR").contains("viewer has VIEWER");
        assertThat(byOperator.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode trail = json.readTree(as("auditor").getForObject(
                "/api/audit?subject={subject}", String.class, "message:" + ledgerId));
        assertThat(trail.path("total").asLong()).isEqualTo(2);
        JsonNode done = trail.path("items").get(0);
        assertThat(done.path("operator").asText()).isEqualTo("operator");
        assertThat(done.path("action").asText()).isEqualTo("RETRY_DELIVERY");
        assertThat(done.path("reason").asText()).isEqualTo("Shanghai fixed its mapping");
        assertThat(done.path("outcome").asText()).isEqualTo("DONE");
        JsonNode denied = trail.path("items").get(1);
        assertThat(denied.path("operator").asText()).isEqualTo("viewer");
        assertThat(denied.path("action").asText()).isEqualTo("POST /api/messages/" + ledgerId + "/retry");
        assertThat(denied.path("reason").asText()).isEqualTo("Shanghai asked for it");
        assertThat(denied.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(denied.path("actedAt").asText()).isNotEmpty();
    }

    @Test
    void unmaskingIsForOperatorsAndAuditorsAndARefusalIsAudited() {
        String unmask = "/api/messages/424242/payload/unmasked?reason=checking a complaint";

        assertThat(as("viewer").postForEntity(unmask, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").postForEntity(unmask, null, String.class).getStatusCode())
                .isNotIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        assertThat(as("auditor").postForEntity(unmask, null, String.class).getStatusCode())
                .isNotIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        assertThat(audit.of("message:424242")).singleElement().satisfies(denied -> {
            assertThat(denied.operator()).isEqualTo("viewer");
            assertThat(denied.outcome()).isEqualTo(OperatorAudit.Outcome.DENIED);
            assertThat(denied.reason()).isEqualTo("checking a complaint");
        });
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditTrail() {
        assertThat(as("auditor").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("viewer").getForEntity("/api/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").getForEntity("/api/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").getForEntity("/api/audit?outcome=MAYBE", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void pathsNoRuleNamesNeedAnAdmin() {
        assertThat(as("operator").getForEntity("/api/settings", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/api/settings", String.class).getStatusCode())
                .as("let through, and there is no such page").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("viewer").getForEntity("/v3/api-docs/operators", String.class).getStatusCode())
                .as("every operator reads the API's description").isEqualTo(HttpStatus.OK);
    }

    // Partners.

    @Test
    void thePartnerIntakeTakesThePartnerTokenAndNoOperatorLogin() throws Exception {
        assertThat(sendComplaintAsShenzhen(http, GatewayTestSupport.SZ_TOKEN).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        ResponseEntity<String> operatorWithoutToken = sendComplaintAsShenzhen(as("admin"), null);

        assertThat(operatorWithoutToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json.readTree(operatorWithoutToken.getBody()).path("code").asText())
                .as("the intake's own refusal, not the operator login's").isEqualTo("UNAUTHENTICATED");
    }

    // The simulator and the actuator.

    @Test
    void theSimulatorsInboxIsForLoggedInOperatorsOnly() {
        assertThat(http.getForEntity("/simulator/partners/SH/inbox", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("viewer").getForEntity("/simulator/partners/SH/inbox", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthAndPrometheusAreOpenTheRestOfTheActuatorIsForAdmins() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("operator").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // The console.

    @Test
    void anAnonymousConsoleVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> page = new ConsoleSession(port).get("/console/dashboard");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
        assertThat(new ConsoleSession(port).get("/console/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorLogsInThroughTheFormAndLandsOnTheDashboard() throws Exception {
        ConsoleSession browser = new ConsoleSession(port);

        assertThat(browser.logIn("operator", "wrong").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        HttpResponse<String> loggedIn = browser.logIn("operator", "demo-operator");

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/console/dashboard"));
    }

    @Test
    void aViewersConsoleUnmaskingIsRefusedShownAndAudited() throws Exception {
        ConsoleSession viewer = new ConsoleSession(port);
        viewer.logIn("viewer", "demo-viewer");

        HttpResponse<String> refused = viewer.post("/console/messages/515151/unmask",
                Map.of("reason", "a complainant called"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Demo viewer (VIEWER)").contains("action=\"/logout\"")
                .doesNotContain("href=\"/console/audit\"");
        assertThat(audit.of("message:515151")).singleElement().satisfies(denied -> {
            assertThat(denied.operator()).isEqualTo("viewer");
            assertThat(denied.action()).isEqualTo("POST /console/messages/515151/unmask");
            assertThat(denied.reason()).isEqualTo("a complainant called");
            assertThat(denied.outcome()).isEqualTo(OperatorAudit.Outcome.DENIED);
        });
    }

    @Test
    void theConsolesAuditPageIsForAuditors() throws Exception {
        ConsoleSession auditor = new ConsoleSession(port);
        auditor.logIn("auditor", "demo-auditor");
        ConsoleSession operator = new ConsoleSession(port);
        operator.logIn("operator", "demo-operator");

        HttpResponse<String> trail = auditor.get("/console/audit?outcome=DENIED&lang=en");

        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("Audit trail").contains("href=\"/console/audit\"");
        assertThat(operator.get("/console/audit").statusCode()).isEqualTo(403);
        ConsoleSession admin = new ConsoleSession(port);
        admin.logIn("admin", "demo-admin");
        assertThat(admin.get("/console/audit").body()).as("ADMIN includes AUDITOR, in the rules and the menu")
                .contains("href=\"/console/audit\"");
        assertThat(operator.post("/logout", Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(operator.get("/console/denied").statusCode()).as("logged out").isEqualTo(302);
    }

    private long failedDelivery() {
        String messageId = "SZ-S-" + UUID.randomUUID();
        assertThat(sendComplaintAsShenzhen(http, GatewayTestSupport.SZ_TOKEN, messageId).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId)
                .filter(entry -> entry.state() == MessageState.DELIVERY_FAILED).isPresent());
        return ledger.findInbound("SZ", messageId).orElseThrow().id();
    }

    private static ResponseEntity<String> sendComplaintAsShenzhen(TestRestTemplate client, String token) {
        return sendComplaintAsShenzhen(client, token, "SZ-S-" + UUID.randomUUID());
    }

    private static ResponseEntity<String> sendComplaintAsShenzhen(TestRestTemplate client, String token,
            String messageId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        if (token != null) {
            headers.set("X-Partner-Token", token);
        }
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);
        return client.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class);
    }
}
