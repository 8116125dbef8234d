package cn.consumerexchange.gateway.transfer;

import java.util.List;

import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * What the intake made of one inbound message.
 *
 * @param answer       the gateway's answer in the contract: an acknowledgement or a rejection
 * @param nativeAnswer the same answer in the sender's native format
 * @param handoffs     what to put on the delivery queues: nothing, the message, or the two cases a complaint submitted
 *                     with a report becomes (see {@link cn.consumerexchange.gateway.report.ReportSeparation})
 * @param trace        the gateway's hop of the message's trace (调用链), which its answer and its hand-off carry
 */
public record IntakeResult(ExchangeMessage answer, byte[] nativeAnswer, List<Handoff> handoffs, TraceParent trace) {

    public IntakeResult {
        handoffs = List.copyOf(handoffs);
    }

    /** A result outside any trace, until the intake sets it. */
    public IntakeResult(ExchangeMessage answer, byte[] nativeAnswer, List<Handoff> handoffs) {
        this(answer, nativeAnswer, handoffs, null);
    }

    IntakeResult inTrace(TraceParent hop) {
        return new IntakeResult(answer, nativeAnswer, handoffs, hop);
    }

    /** The {@code traceparent} the answer and the hand-off carry; null outside a trace. */
    public String traceparent() {
        return trace == null ? null : trace.toString();
    }

    /**
     * An accepted message on its way to the receiving partner.
     *
     * @param key         the message's lasting key: sender and message id
     * @param receiver    the receiving partner's code
     * @param gatewayRef  the case's gateway reference, which the receiver gets with the message
     * @param contractXml  the message in the canonical contract, as the sender said it; {@code null} when it goes as
     *                     {@code receiverCopy}
     * @param receiverCopy the message as the receiver gets it, written at intake; {@code null} when delivery writes it
     * @param heldByIntake whether the ledger holds the message for this very hand-off (the message is new); a message
     *                     received again is handed off to whichever attempt can claim it
     */
    public record Handoff(MessageKey key, String receiver, String gatewayRef, byte[] contractXml,
            ReceiverCopy receiverCopy, boolean heldByIntake) {

        /** What the nudge carries: the receiver's copy when there is one, else the contract document. */
        public byte[] nudgeBody() {
            return receiverCopy == null ? contractXml : receiverCopy.bytes();
        }

        /** The format the nudge's body is written in; {@code null} for the contract document. */
        public String writtenFor() {
            return receiverCopy == null ? null : receiverCopy.format();
        }

        /** The message's type, when the nudge carries the receiver's copy. */
        public String messageType() {
            return receiverCopy == null ? null : receiverCopy.type().name();
        }
    }

    static IntakeResult answered(PartnerAdapter adapter, ExchangeMessage answer, List<Handoff> handoffs) {
        return new IntakeResult(answer, adapter.toNative(answer), handoffs);
    }

    public boolean accepted() {
        return answer.getAcknowledgement() != null;
    }

    public boolean hasHandoff() {
        return !handoffs.isEmpty();
    }
}
