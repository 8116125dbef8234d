package cn.consumerexchange.gateway.web;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The gateway's HTTP API described with OpenAPI (springdoc): {@code /v3/api-docs/operators} for the coordination
 * office's operators, {@code /v3/api-docs/partners} for partner systems sending messages and evidence;
 * {@code /swagger-ui.html} shows both.
 */
@Configuration
class OpenApiConfiguration {

    /** What partner systems call: the intake and evidence uploads, each with the partner's own token. */
    private static final String[] PARTNER_PATHS = {"/api/partners/*/messages", "/api/partners/*/evidence/**"};

    @Bean
    OpenAPI exchangeApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
        return new OpenAPI().info(new Info()
                .title("Cross-region complaint exchange gateway (跨区域消费投诉交换网关)")
                .version(version)
                .description("""
                        Two audiences. Partner systems (regional 12315 deployments, hotlines, consumer councils) send \
                        messages and evidence files with their partner token (X-Partner-Token) and get an answer in \
                        their own format. Operators at the coordination office search messages, cases and quarantined \
                        input, follow a case's timeline, read payloads with personal data masked, and act (retry, \
                        switch partners) with their login; every unmasking and action is audited."""));
    }

    @Bean
    GroupedOpenApi operatorsApi() {
        return GroupedOpenApi.builder()
                .group("operators")
                .displayName("Operators")
                .pathsToMatch("/api/**")
                .pathsToExclude(PARTNER_PATHS)
                .build();
    }

    @Bean
    GroupedOpenApi partnersApi() {
        return GroupedOpenApi.builder()
                .group("partners")
                .displayName("Partner systems")
                .pathsToMatch(PARTNER_PATHS)
                .build();
    }
}
