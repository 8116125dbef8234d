package cn.consumerexchange.gateway.related;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.ConsoleSession;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * Related cases wired into the exchange: Shenzhen and then the Hong Kong council file one consumer's dispute with a
 * Shanghai shop, written differently; both are acknowledged as ever, the two cases end linked with Shenzhen's leading,
 * and Shanghai, the receiver of the second case, is told through its ordinary delivery, offered the art. 16 ground
 * because it had already accepted the first. A third complaint, another consumer's, is not linked and raises the
 * burst flag (three complaints against the shop in a day, as configured here), and is accepted all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelatedCaseFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final String HK_TOKEN = "test-hk-token";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-tokens.HK", () -> HK_TOKEN);
        registry.add("exchange.related.sweep.enabled", () -> "true");
        registry.add("exchange.related.sweep.interval", () -> "200ms");
        registry.add("exchange.related.burst.complaints", () -> "3");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TransferLedger ledger;
    @Autowired
    ObjectMapper json;

    @Test
    void theSameDisputeFiledTwiceIsLinkedAndTheSecondAuthorityToldWithoutRejectingAnything() throws Exception {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        String shenzhenComplaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml");

        String shenzhenRef = accepted("SZ", GatewayTestSupport.SZ_TOKEN,
                shenzhenComplaint.replace("SZ-20261120-000123", "SZ-R-" + UUID.randomUUID()));
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, shenzhenRef)).isEqualTo(HttpStatus.ACCEPTED);

        // The Hong Kong council writes the same dispute in Traditional characters, the phone with +86, no ID number.
        ExchangeMessage hongKong = adapters.forFormat("gba-xml")
                .toContract(shenzhenComplaint.getBytes(StandardCharsets.UTF_8));
        hongKong.getEnvelope().setMessageId("CCHK-R-" + UUID.randomUUID().toString().substring(0, 8));
        hongKong.getEnvelope().setSender("CC-HK");
        hongKong.getComplaint().setOriginCaseNumber("HKCC-2026-120001");
        hongKong.getComplaint().getComplainant().setName("陳曉明");
        hongKong.getComplaint().getComplainant().setPhone("+86 138 0013 8000");
        hongKong.getComplaint().getComplainant().setIdNumber(null);
        hongKong.getComplaint().getRespondent().setName("上海浦江優選電器有限責任公司");
        hongKong.getComplaint().setReceivedAt(hongKong.getComplaint().getReceivedAt().plusHours(2));
        String hongKongRef = accepted("HK", HK_TOKEN,
                new String(adapters.forFormat("hkmo-xml").toNative(hongKong), StandardCharsets.UTF_8));

        // Another consumer's complaint against the same shop: not linked, the third in a day, so flagged.
        String otherRef = accepted("SZ", GatewayTestSupport.SZ_TOKEN, shenzhenComplaint
                .replace("SZ-20261120-000123", "SZ-R-" + UUID.randomUUID())
                .replace("SZ12315-2026-000123", "SZ12315-2026-000777")
                .replace("name=\"陈晓明\" mobile=\"13800138000\" id-card=\"440305199001011234\"",
                        "name=\"王海燕\" mobile=\"13912345678\" id-card=\"110101198506067890\"")
                .replace("date=\"2026-10-02\"", "date=\"2026-10-20\"")
                .replace("2026-11-20T09:30:00+08:00", "2026-11-20T12:30:00+08:00"));

        // Shanghai, the receiver of the second case, gets the notice through its ordinary delivery.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX))
                        .withRequestBody(matchingJsonPath("$.msgType", equalTo("STATUS")))
                        .withRequestBody(matchingJsonPath("$.status.caseRef", equalTo(hongKongRef)))
                        .withRequestBody(matchingJsonPath("$.status.remark", containingAll(shenzhenRef,
                                "art. 16", "第十六条")))));
        assertThat(ledger.findCase(hongKongRef).orElseThrow().state()).as("never changed by the notice")
                .isEqualTo("TRANSFERRED");

        JsonNode related = get("/api/cases/" + hongKongRef + "/related", "en");
        assertThat(related.path("links")).hasSize(1);
        JsonNode link = related.path("links").get(0);
        assertThat(link.path("leadRef").asText()).isEqualTo(shenzhenRef);
        assertThat(link.path("leadPartner").asText()).isEqualTo("SZ");
        assertThat(link.path("otherRef").asText()).isEqualTo(hongKongRef);
        assertThat(link.path("score").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(link.path("offeredAsArt16").asBoolean()).isTrue();
        assertThat(link.path("noticeMessageId").asText()).isEqualTo("RELATED:" + shenzhenRef + ":" + hongKongRef);
        assertThat(link.path("reasons").findValuesAsText("code")).contains("SAME_PHONE", "SAME_NAME",
                "SAME_RESPONDENT_CODE");
        assertThat(link.path("reasons").findValuesAsText("text")).contains("Same phone number of the complainant");
        assertThat(get("/api/cases/" + shenzhenRef + "/related", "zh").path("links").get(0).path("reasons")
                .findValuesAsText("text")).contains("投诉人电话相同");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode other = get("/api/cases/" + otherRef + "/related", "en");
            assertThat(other.path("links")).isEmpty();
            assertThat(other.path("flags").findValuesAsText("kind")).containsExactly("RESPONDENT_BURST");
            assertThat(other.path("flags").get(0).path("count").asInt()).isEqualTo(3);
        });
        JsonNode bursts = get("/api/related?flag=RESPONDENT_BURST", "en");
        assertThat(bursts.path("flags").findValuesAsText("gatewayRef")).containsExactly(otherRef);
        assertThat(bursts.path("links")).isEmpty();
        assertThat(get("/api/related", "en").path("links").findValuesAsText("otherRef")).containsExactly(hongKongRef);

        assertThat(http.withBasicAuth("viewer", "demo-viewer").getForEntity("/api/related", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/related", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ConsoleSession console = ConsoleSession.loggedIn(port, "viewer", "demo-viewer");
        String page = console.get("/console/related?lang=en").body();
        assertThat(page).contains("id=\"related-links\"", shenzhenRef, hongKongRef, "art. 16 ground offered",
                "3 complaints against this respondent within 24 hours");
        String casePage = console.get("/console/cases/" + hongKongRef).body();
        assertThat(casePage).contains("id=\"case-related-links\"", shenzhenRef, "Same phone number of the complainant");
    }

    /** Sends a complaint over the HTTP intake; asserts it was acknowledged and returns its gateway reference. */
    private String accepted(String partner, String token, String complaint) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", token);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/" + partner + "/messages",
                new HttpEntity<>(complaint.getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String messageId = adapters.forFormat(partner.equals("HK") ? "hkmo-xml" : "gba-xml")
                .toContract(complaint.getBytes(StandardCharsets.UTF_8)).getEnvelope().getMessageId();
        LedgerEntry received = ledger.findInbound(partner, messageId).orElseThrow();
        assertThat(received.state()).isNotEqualTo(MessageState.REJECTED);
        assertThat(answer.getBody()).contains(received.gatewayRef());
        return received.gatewayRef();
    }

    private JsonNode get(String path, String language) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<String> answer = http.withBasicAuth("operator", "demo-operator")
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containingAll(String... parts) {
        com.github.tomakehurst.wiremock.matching.StringValuePattern all =
                com.github.tomakehurst.wiremock.client.WireMock.containing(parts[0]);
        for (String part : List.of(parts).subList(1, parts.length)) {
            all = all.and(com.github.tomakehurst.wiremock.client.WireMock.containing(part));
        }
        return all;
    }
}
