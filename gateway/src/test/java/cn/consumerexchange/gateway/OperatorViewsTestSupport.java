package cn.consumerexchange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * The real gateway for the operators' views (search, timeline, payloads, console): embedded broker, H2, WireMock
 * playing Shanghai. Shenzhen sends over the HTTP intake and is answered at once. One application context for every
 * subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OperatorViewsTestSupport {

    protected static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    protected static final String SH_INBOX = "/partners/SH/inbox";
    /** The complainant of the sample complaint, as Shenzhen sends it: personal data. */
    protected static final String COMPLAINANT_NAME = "陈晓明";
    protected static final String COMPLAINANT_PHONE = "13800138000";
    protected static final String COMPLAINANT_ID = "440305199001011234";

    /** A subclass's own database URL, if it registers one (its properties are registered before these). */
    protected static final String DATABASE_URL = "operator-views-test.database-url";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase((name, value) -> registry.add(name,
                () -> "${" + DATABASE_URL + ":" + value.get() + "}"));
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected TransferLedger ledger;

    @BeforeEach
    void shanghaiTakesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    /** An operator allowed to read and to unmask, on the operator API. */
    protected TestRestTemplate operator() {
        return http.withBasicAuth("operator", "demo-operator");
    }

    protected static String newMessageId() {
        return "SZ-OV-" + UUID.randomUUID();
    }

    protected static String newCaseNumber() {
        return "SZ12315-OV-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** Shenzhen's sample complaint about a Shanghai business, under a message id and origin case number of its own. */
    protected static String complaint(String messageId, String caseNumber) {
        return GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId)
                .replace("SZ12315-2026-000123", caseNumber);
    }

    /** The sample complaint with two faults the rules find: a wrong credit code check character, a future date. */
    protected static String invalidComplaint(String messageId, String caseNumber) {
        return complaint(messageId, caseNumber)
                .replace("91310115MA1K3P8Q2W", "91310115MA1K3P8Q2X")
                .replace("date=\"2026-10-02\"", "date=\"2099-10-02\"");
    }

    /** Sends as Shenzhen over the HTTP intake; returns the gba-xml {@code <receipt>} of the answer. */
    protected Element sendAsShenzhen(String nativeMessage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(nativeMessage.getBytes(StandardCharsets.UTF_8), headers), String.class);
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.getBody().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            return (Element) root.getElementsByTagName("receipt").item(0);
        } catch (Exception e) {
            throw new AssertionError("Not a gba-xml answer: " + answer, e);
        }
    }

    /** Sends a complaint that is accepted and delivered to Shanghai; returns its gateway reference. */
    protected String deliveredComplaint(String messageId, String caseNumber) {
        Element receipt = sendAsShenzhen(complaint(messageId, caseNumber));
        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERED));
        return receipt.getAttribute("gateway-ref");
    }

    protected JsonNode getJson(String uri) throws Exception {
        ResponseEntity<String> answer = operator().getForEntity(uri, String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(uri + " answered " + answer).isTrue();
        return json.readTree(answer.getBody());
    }
}
