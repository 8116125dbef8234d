package cn.consumerexchange.gateway.recognition;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.consumerexchange.contract.v1.MessageKind;

/**
 * Settings of recognition (互认), bound from {@code exchange.recognition.*}.
 *
 * @param messageTypes the message types that must carry the issuing authority's signature to be recognised: their
 *                     verdict is recorded even when unsigned, and given to the receiver
 */
@ConfigurationProperties("exchange.recognition")
public record RecognitionSettings(
        @DefaultValue({"MEDIATION_RESULT", "INVESTIGATION_RECORD", "EVIDENCE"}) Set<MessageKind> messageTypes) {

    public boolean needsRecognition(MessageKind type) {
        return messageTypes.contains(type);
    }
}
