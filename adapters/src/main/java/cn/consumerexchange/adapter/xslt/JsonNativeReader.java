package cn.consumerexchange.adapter.xslt;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.adapter.support.NativeText;
import cn.consumerexchange.adapter.support.StrictJson;
import cn.consumerexchange.contract.ErrorCode;

/**
 * Reads json-kind messages with {@code fn:json-to-xml}, so stylesheets see {@code <map>}, {@code <string key="…">}
 * and the like in the {@code http://www.w3.org/2005/xpath-functions} namespace. {@link StrictJson} reads the text
 * first: it bounds size, nesting, numbers and strings, which Saxon's recursive parser does not, refuses duplicate
 * keys and trailing content, and says where the JSON is broken.
 */
final class JsonNativeReader implements NativeReader {

    private static final QName JSON_VARIABLE = new QName("json");

    private final XPathExecutable jsonToXml;

    JsonNativeReader(Processor processor) {
        XPathCompiler compiler = processor.newXPathCompiler();
        compiler.declareVariable(JSON_VARIABLE);
        try {
            jsonToXml = compiler.compile("json-to-xml($json, map { 'duplicates': 'reject' })");
        } catch (SaxonApiException e) {
            throw new IllegalStateException("json-to-xml does not compile", e);
        }
    }

    @Override
    public XdmNode read(byte[] nativeMessage) {
        String json = NativeText.decode(nativeMessage, "$");
        StrictJson.check(json);
        try {
            XPathSelector selector = jsonToXml.load();
            selector.setVariable(JSON_VARIABLE, new XdmAtomicValue(json));
            return (XdmNode) selector.evaluateSingle();
        } catch (SaxonApiException e) {
            throw new UntranslatableMessageException(null, ErrorCode.MALFORMED_JSON, "$", "Not valid JSON.");
        }
    }
}
