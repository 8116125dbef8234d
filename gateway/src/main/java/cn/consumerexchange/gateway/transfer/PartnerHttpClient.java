package cn.consumerexchange.gateway.transfer;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.springframework.stereotype.Component;

/**
 * The HTTP client that delivers to partners. Its own automatic retries are off: the delivery route owns the retry
 * policy, so that every attempt is counted, backed off and, when attempts run out, shown to operators.
 */
@Component("partnerHttpClient")
class PartnerHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(org.apache.hc.client5.http.impl.classic.HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
