package cn.consumerexchange.gateway.web;

import java.time.Clock;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What keeps the HTTP server answering while clients send slowly (issue 7); the timeouts are in {@code server.*}. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesAreNotSwallowed() {
        return factory -> factory.addEngineValves(new UnreadBodyValve());
    }

    @Bean
    FilterRegistrationBean<HttpIntakeLimitFilter> httpIntakeLimitFilter(HttpIntakeLimits limits, Clock clock,
            ObjectMapper json) {
        FilterRegistrationBean<HttpIntakeLimitFilter> registration =
                new FilterRegistrationBean<>(new HttpIntakeLimitFilter(limits, clock, json));
        registration.addUrlPatterns("/api/partners/*");
        return registration;
    }
}
