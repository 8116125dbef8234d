package cn.consumerexchange.gateway.transfer;

/**
 * What the intake made of one inbound message.
 *
 * @param accepted     whether the answer is an acknowledgement
 * @param nativeAnswer the answer in the sender's native format
 * @param handoff      what to put on the delivery queue, or {@code null} when nothing is to be delivered
 */
public record IntakeResult(boolean accepted, byte[] nativeAnswer, Handoff handoff) {

    /**
     * An accepted message on its way to the receiving partner.
     *
     * @param ledgerId    the inbound ledger row the delivery reports to
     * @param receiver    the receiving partner's code
     * @param gatewayRef  the case's gateway reference, which the receiver gets with the message
     * @param contractXml the message in the canonical contract, as the sender said it
     */
    public record Handoff(long ledgerId, String receiver, String gatewayRef, byte[] contractXml) {
    }

    public boolean hasHandoff() {
        return handoff != null;
    }
}
