package cn.consumerexchange.adapter.xslt;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;

/**
 * Reads json-kind messages with {@code fn:json-to-xml}, so stylesheets see {@code <map>}, {@code <string key="…">}
 * and the like in the {@code http://www.w3.org/2005/xpath-functions} namespace. Jackson checks the text first:
 * it bounds size and nesting, which Saxon's recursive parser does not, and says where the JSON is broken.
 */
final class JsonNativeReader implements NativeReader {

    private static final int MAX_NESTING = 32;
    private static final JsonFactory CHECKER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
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
        check(nativeMessage);
        String json = NativeText.decode(nativeMessage, "$");
        try {
            XPathSelector selector = jsonToXml.load();
            selector.setVariable(JSON_VARIABLE, new XdmAtomicValue(json));
            return (XdmNode) selector.evaluateSingle();
        } catch (SaxonApiException e) {
            throw new UntranslatableMessageException(null, "$", "Not valid JSON: " + e.getMessage());
        }
    }

    private static void check(byte[] nativeMessage) {
        if (nativeMessage.length > ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES) {
            throw new UntranslatableMessageException(null, "$", "The message has " + nativeMessage.length
                    + " bytes; at most " + ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES + " are accepted.");
        }
        try (JsonParser parser = CHECKER.createParser(nativeMessage)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UntranslatableMessageException(null, "$", "Not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UntranslatableMessageException(null, "$", "Unreadable JSON: " + e.getMessage());
        }
    }
}
