package cn.consumerexchange.gateway.evidence;

import cn.consumerexchange.contract.ErrorCode;

/** Evidence bytes refused: cut off, too large, or not the bytes the sender declared. Nothing of them is kept. */
public class EvidenceRefusedException extends RuntimeException {

    private final ErrorCode code;
    private final long receivedBytes;

    public EvidenceRefusedException(ErrorCode code, String reason, long receivedBytes) {
        super(reason);
        this.code = code;
        this.receivedBytes = receivedBytes;
    }

    public ErrorCode code() {
        return code;
    }

    /** How many bytes arrived before the refusal. */
    public long receivedBytes() {
        return receivedBytes;
    }
}
