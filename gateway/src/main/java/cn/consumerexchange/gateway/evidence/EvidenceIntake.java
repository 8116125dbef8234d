package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.evidence.EvidenceRecords.Outcome;
import cn.consumerexchange.gateway.evidence.EvidenceRecords.Upload;
import cn.consumerexchange.gateway.evidence.EvidenceStore.StoredEvidence;

/**
 * Receives one evidence file from a partner, whatever its transport: streams it into the store, which checks its size
 * and SHA-256, and records the upload, kept or refused.
 */
@Component
public class EvidenceIntake {

    private static final Logger log = LoggerFactory.getLogger(EvidenceIntake.class);

    private final EvidenceStore store;
    private final EvidenceRecords records;

    public EvidenceIntake(EvidenceStore store, EvidenceRecords records) {
        this.store = store;
        this.records = records;
    }

    /**
     * @param transport    {@code HTTP} or {@code JMS}, as recorded
     * @param declaredSize the size the sender declared, or -1
     * @param caseRef      the case the sender named, or null
     * @throws EvidenceRefusedException when the bytes are refused; the refusal is recorded
     */
    public StoredEvidence receive(String partnerCode, String transport, String sha256, long declaredSize,
            String caseRef, InputStream bytes) throws IOException {
        StoredEvidence stored;
        try {
            stored = store.put(sha256, declaredSize, bytes);
        } catch (EvidenceRefusedException refused) {
            log.warn("Evidence {} from {} refused: {} {}", sha256, partnerCode, refused.code(), refused.getMessage());
            records.recordUpload(new Upload(partnerCode, transport, sha256, declaredSize, refused.receivedBytes(),
                    caseRef, Outcome.REFUSED, refused.code().name(), refused.getMessage()));
            throw refused;
        }
        records.recordUpload(new Upload(partnerCode, transport, sha256, declaredSize, stored.size(), caseRef,
                stored.alreadyHeld() ? Outcome.ALREADY_HELD : Outcome.STORED, null, null));
        return stored;
    }
}
