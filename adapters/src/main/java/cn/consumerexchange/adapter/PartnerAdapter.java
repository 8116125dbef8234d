package cn.consumerexchange.adapter;

import cn.consumerexchange.contract.v1.ExchangeMessage;

/**
 * Translates one partner system's native format to the canonical contract and back (适配器).
 *
 * <p>An adapter is pure translation: no transport, no state. The gateway finds it by {@link #format()}, the name the
 * partner registry gives the partner's format, so partners of the same kind share one adapter. New adapters join by
 * being listed in {@code META-INF/services/cn.consumerexchange.adapter.PartnerAdapter}.
 */
public interface PartnerAdapter {

    /** The native format this adapter speaks, as the partner registry names it. */
    String format();

    /** Media type of the native messages, e.g. {@code application/xml}. */
    String mediaType();

    /**
     * Reads a native message into the contract. Checking the result against the contract's rules is the gateway's
     * job; this only has to say what the partner said.
     *
     * @throws UntranslatableMessageException when the bytes are not a message of this format
     */
    ExchangeMessage toContract(byte[] nativeMessage);

    /** Writes a contract message in the partner's native format. */
    byte[] toNative(ExchangeMessage message);
}
