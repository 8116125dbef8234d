package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.consumerexchange.contract.ErrorCode;

class MessageIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"SZ-20261120-000123", "a", "N12315:x.y_z-1"})
    void idsTheContractCarries(String id) {
        assertThat(MessageIds.carriable(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-starts-with-dash", "has space", "<script>", "nul\u0000", "\uD800"})
    void idsItDoesNot(String id) {
        assertThat(MessageIds.carriable(id)).isFalse();
        assertThat(MessageIds.unreadable(id).code()).isEqualTo(ErrorCode.UNREADABLE_MESSAGE_ID);
    }

    @Test
    void aLongIdIsRefusedWithoutBeingRepeated() {
        String id = "A".repeat(65);

        assertThat(MessageIds.carriable(id)).isFalse();
        assertThat(MessageIds.carriable(null)).isFalse();
        assertThat(MessageIds.unreadable(id).reason()).contains("65 characters").doesNotContain(id);
    }
}
