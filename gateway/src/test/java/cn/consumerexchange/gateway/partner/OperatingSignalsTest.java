package cn.consumerexchange.gateway.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * What operators see of the gateway at work: the meters the alert rules in {@code deploy/prometheus/alerts.yml} are
 * written against, and logs that name messages by their keys, never by the people in them. Traffic: a complaint
 * delivered after one failed attempt, one the receiver refuses, one the gateway rejects. Real broker, database and
 * HTTP; WireMock plays SH.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests leave metrics export off; this one is about what /actuator/prometheus exports.
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class OperatingSignalsTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final Path ALERT_RULES = Path.of("../deploy/prometheus/alerts.yml");

    static final String COMPLAINANT = "司马隐私";
    static final String MOBILE = "13987654321";
    static final String ID_CARD = "440305199001011234";

    /** PromQL words that are not metric names: operators, modifiers and functions are told apart by the syntax. */
    static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    TransferLedger ledger;

    @BeforeEach
    void resetShanghai() {
        SHANGHAI.resetAll();
    }

    @Test
    void logsCarryNoPersonalDataOfAComplaintDeliveredFailedOrRejected(CapturedOutput output) {
        Traffic traffic = sendTraffic();

        assertThat(output.getAll())
                .as("the log names the refused delivery by its key")
                .contains(traffic.refusedId())
                .doesNotContain(COMPLAINANT, MOBILE, ID_CARD);
    }

    @Test
    void everyAlertRuleIsCompleteAndNamesMetricsTheGatewayExposes() throws IOException {
        List<Map<String, Object>> rules = alertRules();
        sendTraffic();

        ResponseEntity<String> prometheus = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
        String scrape = prometheus.getBody();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule).containsKeys("alert", "expr", "for");
            assertThat(rule.get("labels")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                    .containsKey("severity");
            assertThat(rule.get("annotations")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                    .containsKey("summary");
            assertThat(metricNames((String) rule.get("expr"))).isNotEmpty().allSatisfy(metric -> assertThat(
                    Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(scrape).find())
                    .as("%s (rule %s) on /actuator/prometheus, whose gateway meters are:%n%s", metric,
                            rule.get("alert"), scrape.lines().filter(line -> line.contains("exchange_")).toList())
                    .isTrue());
        });
        assertThat(scrape)
                .containsPattern("exchange_messages_accepted_total\\{.*partner=\"SZ\".*type=\"COMPLAINT\"")
                .containsPattern("exchange_messages_rejected_total\\{code=\"INVALID_CREDIT_CODE\".*partner=\"SZ\"")
                .containsPattern("exchange_delivery_latency_seconds_count\\{partner=\"SH\",type=\"COMPLAINT\"")
                .containsPattern("exchange_deliveries_failed_total\\{kind=\"transient\",partner=\"SH\"")
                .containsPattern("exchange_deliveries_failed_total\\{kind=\"permanent\",partner=\"SH\"")
                .containsPattern("camel_exchanges_total\\{.*routeId=\"delivery-SH\"")
                .containsPattern("exchange_deadlines_missed\\{kind=\"ACCEPTANCE\",partner=\"SH\"")
                .containsPattern("exchange_deadlines_due_soon\\{kind=\"MEDIATION\",partner=\"SH\"");
    }

    /** The metric names a PromQL expression reads: label matchers, ranges and grouping labels taken out first. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher identifiers = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()").matcher(bare);
        Set<String> names = new TreeSet<>();
        while (identifiers.find()) {
            if (!PROMQL_KEYWORDS.contains(identifiers.group())) {
                names.add(identifiers.group());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() throws IOException {
        try (Reader in = Files.newBufferedReader(ALERT_RULES, StandardCharsets.UTF_8)) {
            Map<String, Object> file = new Yaml().load(in);
            return ((List<Map<String, Object>>) file.get("groups")).stream()
                    .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                    .toList();
        }
    }

    private record Traffic(String deliveredId, String refusedId, String rejectedId) {
    }

    /**
     * Sends, as Shenzhen, a complaint SH takes at the second attempt, one SH refuses with an answer quoting the
     * complainant, and one the gateway rejects; returns once each has its outcome in the ledger.
     */
    private Traffic sendTraffic() {
        Traffic traffic = new Traffic(newId(), newId(), newId());
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox"))
                .withHeader("Idempotency-Key", equalTo("SAMR-GD-SZ:" + traffic.deliveredId()))
                .inScenario(traffic.deliveredId()).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy with " + COMPLAINANT))
                .willSetStateTo("recovered"));
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox"))
                .withHeader("Idempotency-Key", equalTo("SAMR-GD-SZ:" + traffic.deliveredId()))
                .inScenario(traffic.deliveredId()).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202)));
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox"))
                .withHeader("Idempotency-Key", equalTo("SAMR-GD-SZ:" + traffic.refusedId()))
                .willReturn(aResponse().withStatus(422)
                        .withBody("{\"error\":\"consumer " + COMPLAINANT + " " + MOBILE + " " + ID_CARD + "\"}")));

        assertThat(sendAsShenzhen(complaint(traffic.deliveredId()))).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sendAsShenzhen(complaint(traffic.refusedId()))).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sendAsShenzhen(complaint(traffic.rejectedId()).replace("91310115MA1K3P8Q2W", "91310115MA1K3P8Q2X")))
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ledger.findInbound("SZ", traffic.deliveredId()).orElseThrow().state())
                    .isEqualTo(MessageState.DELIVERED);
            assertThat(ledger.findInbound("SZ", traffic.refusedId()).orElseThrow().state())
                    .isEqualTo(MessageState.DELIVERY_FAILED);
        });
        return traffic;
    }

    /** Returns the status the HTTP intake answered: 202 accepted, 422 rejected. */
    private HttpStatusCode sendAsShenzhen(String complaint) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        return http.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class)
                .getStatusCode();
    }

    private static String complaint(String messageId) {
        return GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId)
                .replace("陈晓明", COMPLAINANT)
                .replace("13800138000", MOBILE);
    }

    private static String newId() {
        return "SZ-O-" + UUID.randomUUID();
    }
}
