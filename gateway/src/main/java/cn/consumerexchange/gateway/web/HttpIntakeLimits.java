package cn.consumerexchange.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many worker threads partners' messages on the HTTP intake may hold, bound from {@code exchange.http-intake.*}.
 *
 * @param maxConcurrentRequests the most intake requests handled at once; more are answered 503 at once. Below
 *                              {@code server.tomcat.threads.max}, so the health check and the console always find a
 *                              thread
 * @param bodyDeadline          how long reading one message's body may take; a slower sender is answered 408. A read
 *                              already waiting may add up to {@code server.tomcat.connection-timeout}
 */
@ConfigurationProperties("exchange.http-intake")
public record HttpIntakeLimits(
        @DefaultValue("100") int maxConcurrentRequests,
        @DefaultValue("30s") Duration bodyDeadline) {
}
