package cn.consumerexchange.gateway.evidence;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The evidence upload's filter, ordered before Spring's form-content filter, which would read a form body. */
@Configuration(proxyBeanMethods = false)
class EvidenceHttpConfiguration {

    @Bean
    FilterRegistrationBean<EvidenceUploadFilter> evidenceUploadFilter(EvidenceSettings settings, ObjectMapper json) {
        FilterRegistrationBean<EvidenceUploadFilter> registration =
                new FilterRegistrationBean<>(new EvidenceUploadFilter(settings, json));
        registration.addUrlPatterns("/api/partners/*");
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 10_000);
        return registration;
    }
}
