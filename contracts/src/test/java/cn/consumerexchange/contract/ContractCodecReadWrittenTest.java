package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;

import org.w3c.dom.Document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import cn.consumerexchange.contract.v1.ExchangeMessage;

class ContractCodecReadWrittenTest {

    final ContractCodec codec = ContractCodec.standard();

    @ParameterizedTest
    @FieldSource("cn.consumerexchange.contract.Samples#MESSAGE_TYPES")
    void readsBackWhatTheCodecWrote(String type) {
        byte[] written = codec.write(Samples.validMessage(type));

        assertThat(codec.write(codec.readWritten(written))).isEqualTo(written);
    }

    @ParameterizedTest
    @FieldSource("cn.consumerexchange.contract.Samples#MESSAGE_TYPES")
    void sourceIsTheDocumentTheCodecWrites(String type) throws Exception {
        ExchangeMessage message = Samples.validMessage(type);

        assertThat(tree(codec.source(message)).isEqualNode(codec.writeDocument(message))).isTrue();
    }

    @Test
    void sourceHandsAMessageOnWithoutCheckingItAgain() throws Exception {
        ExchangeMessage message = Samples.validMessage("complaint");
        message.getComplaint().setFacts(null);

        Document given = tree(codec.source(message));

        assertThat(given.getDocumentElement().getLocalName()).isEqualTo("ExchangeMessage");
        assertThat(given.getElementsByTagNameNS("*", "Facts").getLength()).isZero();
    }

    private static Document tree(Source source) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newDefaultInstance().newTransformer().transform(source, result);
        return (Document) result.getNode();
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
