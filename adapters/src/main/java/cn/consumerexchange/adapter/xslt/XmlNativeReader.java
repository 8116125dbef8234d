package cn.consumerexchange.adapter.xslt;

import javax.xml.transform.dom.DOMSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.support.NativeXml;

/**
 * Reads xml-kind messages with the contract's hardened parser, so no DOCTYPE, entity or XInclude from a partner ever
 * reaches Saxon's own parser; Saxon only copies the parsed tree.
 */
final class XmlNativeReader implements NativeReader {

    private final Processor processor;

    XmlNativeReader(Processor processor) {
        this.processor = processor;
    }

    @Override
    public XdmNode read(byte[] nativeMessage) {
        DOMSource parsed = new DOMSource(NativeXml.parse(nativeMessage).getOwnerDocument());
        try {
            return processor.newDocumentBuilder().build(parsed);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot copy a parsed DOM into Saxon", e);
        }
    }
}
