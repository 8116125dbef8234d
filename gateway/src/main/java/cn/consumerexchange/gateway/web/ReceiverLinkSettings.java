package cn.consumerexchange.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The short-lived links receivers are given to fetch what did not travel with a delivery (evidence files, signed
 * originals), bound from {@code exchange.links.*}. How long a link lives is each use's own setting.
 *
 * @param publicBaseUrl the gateway's address as receivers reach it, the base of every link
 * @param key           the HMAC key that signs the links; every instance behind that address needs the same one.
 *                      Empty: a random key per process, so links fail after a restart or on another instance
 */
@ConfigurationProperties("exchange.links")
public record ReceiverLinkSettings(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("") String key) {
}
