package cn.consumerexchange.gateway.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayApplication;
import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Two gateway instances sharing one database, each with its own embedded broker, as two instances behind one address
 * would run: a partner switched off through one is off on the other, whose delivery route stops; switched on through
 * the second, the first resumes. WireMock plays SH for both.
 */
class SharedPartnerSwitchTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        String run = UUID.randomUUID().toString();
        String database = "jdbc:h2:mem:shared-" + run
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        first = start(database, run);
        second = start(database, run);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        SHANGHAI.stop();
    }

    private static ConfigurableApplicationContext start(String database, String run) {
        Map<String, Object> settings = new HashMap<>();
        GatewayTestSupport.register((name, value) -> settings.put(name, value.get()), SHANGHAI);
        settings.put("spring.datasource.url", database);
        // No server id of our own: Spring Boot numbers each embedded broker of the JVM, and an id taken by another
        // test's cached context would connect this instance to that context's broker.
        settings.put("server.port", 0);
        // One ledger, one signing key.
        settings.put("exchange.ledger-chain.private-key", "target/test-keys/" + run + "/ledger-signing.key");
        settings.put("exchange.ledger-chain.public-key", "target/test-keys/" + run + "/ledger-signing.pub");
        settings.put("exchange.delivery.switch-refresh", "300ms");
        // The waiting complaint's nudge, held on the instance that took it, is what resumes its delivery; a lease
        // that ran out on a slow machine would let the other instance's sweeper deliver it a second time.
        settings.put("exchange.delivery.lease", "2m");
        settings.put("exchange.delivery.dispatch-grace", "2m");
        settings.put("spring.main.banner-mode", "off");
        // As arguments: default properties would lose to application.yml.
        return new SpringApplicationBuilder(GatewayApplication.class).run(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    @Test
    void aPartnerSwitchedOffOnOneInstanceIsOffOnTheOtherAndBackOnWhenTheOtherSwitchesItOn() throws Exception {
        assertThat(operator(first).postForEntity("/api/partners/SH/disable?reason=planned maintenance", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode shanghai = shanghai(second);
            assertThat(shanghai.path("enabled").asBoolean(true)).isFalse();
            assertThat(shanghai.path("delivering").asBoolean(true)).isFalse();
            assertThat(shanghai.path("switchedBy").asText()).isNotEmpty();
        });
        String waiting = "SZ-SW-" + UUID.randomUUID();
        assertThat(sendComplaintAsShenzhen(second, waiting)).isEqualTo(HttpStatus.ACCEPTED);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                SHANGHAI.verify(0, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(waiting))));
        assertThat(shanghai(second).path("health").path("backlog").asInt()).isEqualTo(1);

        assertThat(operator(second).postForEntity("/api/partners/SH/enable", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(waiting))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode shanghai = shanghai(first);
            assertThat(shanghai.path("enabled").asBoolean(false)).isTrue();
            assertThat(shanghai.path("delivering").asBoolean(false)).isTrue();
        });
        String resumed = "SZ-SW-" + UUID.randomUUID();
        assertThat(sendComplaintAsShenzhen(first, resumed)).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(resumed))));
        // Each change audited once, by the instance that took the request, not again by the one that followed it.
        List<String> audited = first.getBean(JdbcClient.class)
                .sql("select action from operator_action where subject = 'SH' order by id").query(String.class).list();
        assertThat(audited).containsExactly("DISABLE_PARTNER", "ENABLE_PARTNER");
    }

    private static JsonNode shanghai(ConfigurableApplicationContext instance) throws Exception {
        JsonNode partners = JSON.readTree(operator(instance).getForObject("/api/partners", String.class));
        for (JsonNode partner : partners) {
            if (partner.path("code").asText().equals("SH")) {
                return partner;
            }
        }
        throw new AssertionError("SH is not listed");
    }

    private static RestTemplate operator(ConfigurableApplicationContext instance) {
        return new RestTemplateBuilder().rootUri(baseUrl(instance)).basicAuthentication("operator", "demo-operator")
                .build();
    }

    private static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static HttpStatus sendComplaintAsShenzhen(ConfigurableApplicationContext instance, String originCase) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", originCase);
        return HttpStatus.valueOf(new RestTemplateBuilder().rootUri(baseUrl(instance)).build()
                .postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class)
                .getStatusCode().value());
    }
}
