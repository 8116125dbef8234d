package cn.consumerexchange.gateway.transfer;

/**
 * What the intake made of one inbound message.
 *
 * @param accepted          whether the answer is an acknowledgement
 * @param answeredMessageId the partner's message id, or {@code null} when it could not be read
 * @param nativeAnswer      the answer in the sender's native format
 * @param handoff           what to put on the delivery queue, or {@code null} when nothing is to be delivered
 */
public record IntakeResult(boolean accepted, String answeredMessageId, byte[] nativeAnswer, Handoff handoff) {

    /**
     * An accepted message on its way to the receiving partner.
     *
     * @param ledgerId    the inbound ledger row the delivery reports to
     * @param receiver    the receiving partner's code
     * @param contractXml the message in the canonical contract
     */
    public record Handoff(long ledgerId, String receiver, byte[] contractXml) {
    }

    public boolean hasHandoff() {
        return handoff != null;
    }
}
