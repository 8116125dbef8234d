package cn.consumerexchange.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.ExchangeProperties;

class DeliveryPolicyTest {

    static final ExchangeProperties.Delivery GATEWAY = new ExchangeProperties.Delivery(Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofMinutes(1),
            Duration.ofSeconds(5), 500, new ExchangeProperties.Circuit(50, 10, 5, Duration.ofSeconds(30)),
            Duration.ofSeconds(5));

    @Test
    void aDescriptorOverridesOnlyWhatItSets() {
        DeliveryPolicy policy = new DeliveryPolicy(null, null, Duration.ofHours(48), null).orDefaults(GATEWAY);

        assertThat(policy).isEqualTo(new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofHours(48), Duration.ofSeconds(30)));
    }

    @Test
    void backOffDoublesFromTheInitialWaitUpToTheLongest() {
        DeliveryPolicy policy = new DeliveryPolicy(null, null, null, null).orDefaults(GATEWAY);

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
