package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;

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
    void marshalledEventsAreTheDocumentTheCodecWrites(String type) throws Exception {
        ExchangeMessage message = Samples.validMessage(type);

        assertThat(tree(message).isEqualNode(codec.writeDocument(message))).isTrue();
    }

    @Test
    void marshalHandsAMessageOnWithoutCheckingItAgain() throws Exception {
        ExchangeMessage message = Samples.validMessage("complaint");
        message.getComplaint().setFacts(null);

        Document given = tree(message);

        assertThat(given.getDocumentElement().getLocalName()).isEqualTo("ExchangeMessage");
        assertThat(given.getElementsByTagNameNS("*", "Facts").getLength()).isZero();
    }

    /** The tree a reader builds from the events {@link ContractCodec#marshal} hands it. */
    private Document tree(ExchangeMessage message) throws Exception {
        TransformerHandler reader = ((SAXTransformerFactory) TransformerFactory.newDefaultInstance())
                .newTransformerHandler();
        DOMResult result = new DOMResult();
        reader.setResult(result);
        codec.marshal(message, reader);
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
