package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryFileNameTest {

    @Test
    void isTheSameForEveryAttemptAtOneMessage() {
        assertThat(DeliveryFileName.of("SAMR-SH:SH-1", "application/json"))
                .isEqualTo(DeliveryFileName.of("SAMR-SH:SH-1", "application/json"))
                .startsWith("SAMR-SH_SH-1-")
                .endsWith(".json");
    }

    @Test
    void keepsApartIdsThatDifferOnlyInCharactersAFileNameCannotHold() {
        assertThat(DeliveryFileName.of("SAMR-SH:SH:1", "text/csv"))
                .isNotEqualTo(DeliveryFileName.of("SAMR-SH:SH_1", "text/csv"))
                .endsWith(".csv");
        assertThat(DeliveryFileName.of("SAMR-HL:投诉-1", "text/csv"))
                .isNotEqualTo(DeliveryFileName.of("SAMR-HL:举报-1", "text/csv"))
                .matches("SAMR-HL___-1-[0-9a-f]{12}\\.csv");
    }
}
