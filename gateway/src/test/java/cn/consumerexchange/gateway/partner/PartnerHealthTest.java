package cn.consumerexchange.gateway.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * {@code /actuator/health} with partners in trouble: the gateway stays UP on its broker and database, and each
 * partner's own state shows in the {@code partners} component. Real broker, database and HTTP; WireMock plays SH.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerHealthTest {

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

    @BeforeEach
    void shanghaiTakesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void aPartnerSwitchedOffShowsAsSuchWhileTheGatewayStaysUp() throws Exception {
        TestRestTemplate operator = http.withBasicAuth("operator", "demo-operator");
        assertThat(operator.postForEntity("/api/partners/GZ/disable", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json.readTree(health.getBody());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            JsonNode guangzhou = body.path("components").path("partners").path("components").path("GZ");
            assertThat(guangzhou.path("status").asText()).isEqualTo("SWITCHED_OFF");
            assertThat(guangzhou.path("details").path("enabled").asBoolean(true)).isFalse();
            assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
            assertThat(body.path("components").path("jms").path("status").asText()).isEqualTo("UP");
            assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            operator.postForEntity("/api/partners/GZ/enable", null, String.class);
        }
    }

    @Test
    void aPartnerWhoseDeliveriesFailShowsAsFailingWithItsCircuit() {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(500)));

        assertThat(sendComplaintAsShenzhen().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json.readTree(health.getBody());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            JsonNode shanghai = body.path("components").path("partners").path("components").path("SH");
            assertThat(shanghai.path("status").asText()).isEqualTo("FAILING");
            assertThat(shanghai.path("details").path("circuit").asText()).isIn("OPEN", "HALF_OPEN");
            assertThat(shanghai.path("details").path("backlog").asInt()).isEqualTo(1);
            assertThat(shanghai.path("details").path("oldestWaiting").asText()).isNotEmpty();
        });
    }

    private ResponseEntity<String> sendComplaintAsShenzhen() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", "SZ-H-" + UUID.randomUUID());
        return http.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class);
    }
}
