package cn.consumerexchange.gateway.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * What operators see of a partner and do with it: its health in {@code /api/partners}, the dashboard and the partners
 * page of the console, and the switch with a reason. Real broker, database and HTTP; WireMock plays SH.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerOperationsTest {

    @LocalServerPort
    int port;

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    OperatorAudit audit;

    @BeforeEach
    void shanghaiTakesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void aSwitchedOffPartnerShowsItsBacklogAndOnceBackItsLastDelivery() throws Exception {
        assertThat(operator().postForEntity("/api/partners/SH/disable?reason=planned maintenance", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            assertThat(sendComplaintAsShenzhen().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            JsonNode shanghai = health("SH");
            assertThat(shanghai.path("enabled").asBoolean(true)).isFalse();
            assertThat(shanghai.path("delivering").asBoolean(true)).isFalse();
            assertThat(shanghai.path("switchedBy").asText()).isEqualTo("operator");
            assertThat(shanghai.path("switchedAt").asText()).isNotEmpty();
            assertThat(shanghai.path("health").path("backlog").asInt()).isEqualTo(1);
            assertThat(shanghai.path("health").path("oldestWaiting").asText()).isNotEmpty();
            assertThat(shanghai.path("health").path("failed").asInt()).isZero();
            assertThat(shanghai.path("circuit").asText()).isEqualTo("CLOSED");
        } finally {
            assertThat(operator().postForEntity("/api/partners/SH/enable", null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode shanghai = health("SH");
            assertThat(shanghai.path("health").path("backlog").asInt()).isZero();
            assertThat(shanghai.path("health").path("lastSuccess").asText()).isNotEmpty();
        });
        assertThat(audit.of("SH")).filteredOn(action -> action.action().equals("DISABLE_PARTNER"))
                .extracting(OperatorAudit.Action::operator, OperatorAudit.Action::reason)
                .contains(tuple("operator", "planned maintenance"));
        JsonNode all = json.readTree(operator().getForObject("/api/partners", String.class));
        assertThat(all.findValuesAsText("code")).contains("SH", "SZ", "GZ");
        assertThat(all.get(0).path("health").has("errorRate")).isTrue();
    }

    @Test
    void anUnknownPartnerHasNoHealth() {
        assertThat(operator().getForEntity("/api/partners/XX/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDashboardShowsItsTilesAndLinksToThePartners() {
        ConsoleSession console = ConsoleSession.loggedIn(port, "viewer", "demo-viewer");
        HttpResponse<String> page = console.get("/console/dashboard?lang=en");

        assertThat(page.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(page.body()).contains("id=\"tiles\"", "data-tile=\"in-flight\"", "data-tile=\"failed\"",
                "data-tile=\"rejected-today\"", "data-tile=\"quarantined-today\"", "data-tile=\"delivered-today\"",
                "data-tile=\"deadlines-due-soon\"", "data-tile=\"deadlines-missed\"",
                "href=\"/console/deadlines?status=MISSED\"", "In flight", "href=\"/console/partners\"");
        assertThat(console.get("/console/dashboard?lang=zh").body()).contains("在途");
    }

    @Test
    void thePartnersPageSwitchesAPartnerOffAndOnWithAReason() throws Exception {
        ConsoleSession console = ConsoleSession.loggedIn(port, "operator", "demo-operator");
        String page = console.get("/console/partners?lang=en").body();
        assertThat(page).contains("id=\"partners\"", "data-partner=\"GZ\"", "class=\"switch-partner\"",
                "action=\"/console/partners/GZ/disable\"");

        HttpResponse<String> switched = console.post("/console/partners/GZ/disable",
                Map.of("reason", "certificate renewal"));
        try {
            assertThat(switched.statusCode() / 100).as("sent back to the partners page").isEqualTo(3);
            assertThat(console.get("/console/partners?lang=en").body())
                    .contains("action=\"/console/partners/GZ/enable");
            assertThat(health("GZ").path("enabled").asBoolean(true)).isFalse();
            assertThat(audit.of("GZ")).filteredOn(action -> action.action().equals("DISABLE_PARTNER"))
                    .extracting(OperatorAudit.Action::operator, OperatorAudit.Action::reason)
                    .contains(tuple("operator", "certificate renewal"));
        } finally {
            console.get("/console/partners");
            console.post("/console/partners/GZ/enable", Map.of("reason", "renewed"));
        }
        assertThat(health("GZ").path("enabled").asBoolean(false)).isTrue();
    }

    private JsonNode health(String code) throws Exception {
        ResponseEntity<String> health = operator().getForEntity("/api/partners/" + code + "/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(health.getBody());
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth("operator", "demo-operator");
    }

    private ResponseEntity<String> sendComplaintAsShenzhen() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", "SZ-OPS-" + UUID.randomUUID());
        return http.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class);
    }
}
