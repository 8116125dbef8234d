package cn.consumerexchange.adapter;

import java.util.Optional;
import java.util.Set;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * Translates one partner system's native format to the canonical contract and back (适配器).
 *
 * <p>An adapter is pure translation: no transport, no state. The gateway finds it by {@link #format()}, the name the
 * partner registry gives the partner's format, so partners of the same kind share one adapter. Java adapters join by
 * being listed in {@code META-INF/services/cn.consumerexchange.adapter.PartnerAdapter}; declarative ones are files
 * under {@code formats/<format>/} (see {@link AdapterCatalog#discover(FormatSource)}).
 */
public interface PartnerAdapter {

    /** The native format this adapter speaks, as the partner registry names it. */
    String format();

    /** Media type of the native messages, e.g. {@code application/xml}. */
    String mediaType();

    /**
     * The contract message types this format carries. Every type in the set is written by {@link #toNative}; every
     * one except {@code ACKNOWLEDGEMENT} and {@code REJECTION}, which only the gateway sends, is also read by
     * {@link #toContract}.
     */
    Set<MessageKind> messageTypes();

    /**
     * Why this format does not carry {@code type}, when it declares a reason (e.g. the partner's system has no such
     * procedure), so that a message refused for that reason can say why; empty for a carried type or when the format
     * does not say.
     */
    default Optional<String> notCarriedReason(MessageKind type) {
        return Optional.empty();
    }

    /**
     * Reads a native message into the contract. Checking the result against the contract's rules is the gateway's
     * job; this only has to say what the partner said.
     *
     * @throws UntranslatableMessageException when the bytes are not a message of this format
     */
    ExchangeMessage toContract(byte[] nativeMessage);

    /**
     * Whether every message {@link #toContract} returns was read through {@code ContractCodec.read}, and so has passed
     * the contract's schema: the gateway then does not check the schema a second time. An adapter that builds the
     * contract's objects itself leaves this false, and the gateway checks them.
     */
    default boolean readsThroughContractSchema() {
        return false;
    }

    /**
     * Writes a contract message in the partner's native format. The message is one the gateway holds as a contract,
     * checked against the schema where it was read or made: an adapter writes it without checking it again.
     *
     * @throws IllegalArgumentException when the format does not carry the message's type
     */
    byte[] toNative(ExchangeMessage message);

    /**
     * The native field a contract path is read from and written to, e.g. {@code Case/Complainant/FullName}, so that a
     * partner is told what to fix in its own terms; empty when the format does not say.
     */
    default Optional<String> nativeField(String contractPath) {
        return Optional.empty();
    }
}
