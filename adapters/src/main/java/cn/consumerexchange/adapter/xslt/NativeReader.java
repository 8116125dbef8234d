package cn.consumerexchange.adapter.xslt;

import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.UntranslatableMessageException;

/** Turns a native message into the document the {@code to-contract.xsl} stylesheet transforms. */
interface NativeReader {

    /** @throws UntranslatableMessageException when the bytes are not a message of the format's kind */
    XdmNode read(byte[] nativeMessage);
}
