package cn.consumerexchange.gateway.recognition;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.consumerexchange.contract.v1.MessageKind;

/**
 * Settings of recognition (互认), bound from {@code exchange.recognition.*}.
 *
 * @param messageTypes        the message types that must carry the issuing authority's signature to be recognised:
 *                            their verdict is recorded even when unsigned, and given to the receiver with the signed
 *                            original
 * @param originalInlineBytes a signed original up to this size travels inside a queue delivery (base64 property);
 *                            a larger one is given as a link
 * @param linkLifetime        how long a link to a signed original stays valid (the links themselves:
 *                            {@link cn.consumerexchange.gateway.web.ReceiverLinks})
 */
@ConfigurationProperties("exchange.recognition")
public record RecognitionSettings(
        @DefaultValue({"MEDIATION_RESULT", "INVESTIGATION_RECORD", "EVIDENCE"}) Set<MessageKind> messageTypes,
        @DefaultValue("65536") int originalInlineBytes,
        @DefaultValue("PT1H") Duration linkLifetime) {

    public boolean needsRecognition(MessageKind type) {
        return messageTypes.contains(type);
    }
}
