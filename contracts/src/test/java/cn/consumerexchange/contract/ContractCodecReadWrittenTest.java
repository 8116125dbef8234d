package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class ContractCodecReadWrittenTest {

    final ContractCodec codec = ContractCodec.standard();

    @ParameterizedTest
    @FieldSource("cn.consumerexchange.contract.Samples#MESSAGE_TYPES")
    void readsBackWhatTheCodecWrote(String type) {
        byte[] written = codec.write(Samples.validMessage(type));

        assertThat(codec.write(codec.readWritten(written))).isEqualTo(written);
    }

    @Test
    void stillRefusesHostileXml() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ExchangeMessage xmlns=\"urn:cn:consumer-exchange:contract:v1\">&e;</ExchangeMessage>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.readWritten(xxe)).isInstanceOfSatisfying(ContractViolationException.class,
                e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT));
    }
}
