package cn.consumerexchange.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.consumerexchange.gateway.OperatorViewsTestSupport;

/** The OpenAPI description: one document for operators, one for partner systems. */
class OpenApiDocumentTest extends OperatorViewsTestSupport {

    @Test
    void theOperatorsDocumentListsTheSearchTimelineAndPayloadPathsAndNoPartnerIntake() throws Exception {
        JsonNode operators = getJson("/v3/api-docs/operators");

        assertThat(operators.path("info").path("title").asText()).contains("gateway");
        assertThat(operators.path("info").path("version").asText()).isNotBlank();
        assertThat(operators.path("paths").fieldNames()).toIterable().contains("/api/messages", "/api/cases",
                "/api/quarantine", "/api/cases/{gatewayRef}/timeline", "/api/messages/{id}/payload",
                "/api/messages/{id}/payload/unmasked", "/api/quarantine/{id}/payload",
                "/api/quarantine/{id}/payload/unmasked")
                .doesNotContain("/api/partners/{code}/messages");
        assertThat(operators.path("paths").path("/api/messages").path("get").path("parameters")
                .findValuesAsText("name")).contains("originCaseNumber", "errorCode", "from", "to", "size");
    }

    @Test
    void theWholeDocumentAndTheSwaggerUiStillAnswer() throws Exception {
        assertThat(getJson("/v3/api-docs").path("paths").has("/api/messages")).isTrue();
        assertThat(operator().getForEntity("/swagger-ui.html", String.class).getStatusCode().is2xxSuccessful())
                .isTrue();
    }

    @Test
    void thePartnersDocumentListsOnlyWhatPartnersCall() throws Exception {
        JsonNode partners = getJson("/v3/api-docs/partners");

        assertThat(partners.path("paths").fieldNames()).toIterable().contains("/api/partners/{code}/messages")
                .allMatch(path -> path.startsWith("/api/partners/"))
                .noneMatch(path -> path.startsWith("/api/messages"));
    }
}
