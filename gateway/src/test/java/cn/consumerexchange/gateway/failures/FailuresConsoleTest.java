package cn.consumerexchange.gateway.failures;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** The console's failures page lists failed deliveries, previews a bulk retry's count, and does it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class FailuresConsoleTest {

    /** The operator logged in on the console, as the security chain's form login would leave it. */
    static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR");

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    MockMvc console;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFailuresPageListsThemPreviewsTheBulkRetryAndDoesIt() throws Exception {
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.JS_INBOX)).willReturn(aResponse().withStatus(400)));
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failed.add(ComplaintsToPartners.send(http, jdbc, "JS", "SZ12315-2026-C" + i));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failed.stream()
                .map(id -> ComplaintsToPartners.stateOf(jdbc, id))).containsOnly("DELIVERY_FAILED"));

        String page = console.perform(get("/console/failures").param("receiver", "JS").param("lang", "en")
                        .with(OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all(page, "<tr data-ledger-id=\"(\\d+)\"")).containsExactlyInAnyOrderElementsOf(
                failed.stream().map(String::valueOf).toList());
        assertThat(all(page, "<form (class=\"retry-one\")")).hasSize(4);
        assertThat(page).contains("id=\"failure-filters\"", "name=\"caseRef\"", "id=\"failures\"",
                "PARTNER_REFUSED", "HTTP 400", "SZ12315-2026-C0");
        assertThat(page).as("no confirm before the preview").doesNotContain("id=\"bulk-confirm\"");

        String preview = console.perform(MockMvcRequestBuilders.post("/console/failures/preview")
                        .param("receiver", "JS").param("reason", "Jiangsu is back").param("lang", "en")
                        .with(OPERATOR).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all(preview, "id=\"bulk-preview-result\"[^>]*>\\s*([^<]+)<")).singleElement().asString()
                .startsWith("4 deliveries match");
        assertThat(preview).containsPattern("<button id=\"bulk-confirm\"[^>]*formaction=\"/console/failures/retry\"")
                .contains(">Jiangsu is back</textarea>");

        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.JS_INBOX)).willReturn(aResponse().withStatus(202)));
        console.perform(MockMvcRequestBuilders.post("/console/failures/retry").param("receiver", "JS")
                        .param("reason", "Jiangsu is back").with(OPERATOR).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/failures?receiver=JS"))
                .andExpect(flash().attributeExists("bulkResult"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failed.stream()
                .map(id -> ComplaintsToPartners.stateOf(jdbc, id))).containsOnly("DELIVERED"));
    }

    @Test
    void aBulkRetryWithoutAReasonIsNotDone() throws Exception {
        String page = console.perform(MockMvcRequestBuilders.post("/console/failures/retry")
                        .param("receiver", "JS").param("lang", "en").with(OPERATOR).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(">A bulk retry needs a reason.<");
        assertThat(jdbc.queryForObject("select count(*) from operator_action where action = 'BULK_RETRY'",
                Integer.class)).isZero();
    }

    /** The first group of every match. */
    private static List<String> all(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
