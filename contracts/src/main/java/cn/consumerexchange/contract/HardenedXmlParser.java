package cn.consumerexchange.contract;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Parses untrusted bytes into a DOM. Stops at any DOCTYPE the moment the parser meets it, before its internal
 * subset is read, so no entity is ever declared, fetched or expanded (XXE, billion laughs); stops at XInclude
 * elements; bounds the size in bytes, the element depth and the attributes of an element. Each refusal has its
 * own {@link ErrorCode}, and no reason repeats the document's content. Thread-safe: every parse has its own
 * parser. Adapters read partners' native XML with it too, so every XML the exchange reads passes the same guard.
 */
public final class HardenedXmlParser {

    private static final String XINCLUDE_NAMESPACE = "http://www.w3.org/2001/XInclude";
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String LOCALE_PROPERTY = "http://apache.org/xml/properties/locale";

    /** Parser and DOM-builder factories are costly to make and not thread-safe: one of each per thread. */
    private static final ThreadLocal<SAXParser> PARSERS = ThreadLocal.withInitial(HardenedXmlParser::newParser);
    private static final ThreadLocal<SAXTransformerFactory> DOM_BUILDERS = ThreadLocal.withInitial(
            () -> (SAXTransformerFactory) TransformerFactory.newDefaultInstance());
    /** Makes the empty document the DOM builder fills; without one it would make a document builder per parse. */
    private static final ThreadLocal<DocumentBuilder> EMPTY_DOCUMENTS = ThreadLocal.withInitial(
            HardenedXmlParser::newDocumentMaker);

    /** Far more than any contract or partner element has; Xerces alone would take thousands. */
    public static final int MAX_ATTRIBUTES = 64;

    private static final int MAX_REASON_LENGTH = 300;
    /** Xerces's wording, in the root (English) bundle, for a character XML cannot carry. */
    private static final String INVALID_CHARACTER_MESSAGE = "invalid XML character";

    private final int maxBytes;
    private final int maxDepth;

    public HardenedXmlParser(int maxBytes, int maxDepth) {
        if (maxBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, depth " + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    /** @throws ContractViolationException if the document is too large, too deep, hostile or malformed */
    public Document parse(byte[] xml) {
        if (xml.length > maxBytes) {
            throw refusal(ErrorCode.DOCUMENT_TOO_LARGE,
                    "The document has " + xml.length + " bytes; at most " + maxBytes + " are accepted.");
        }
        DOMResult result = new DOMResult(emptyDocument());
        try {
            Guard guard = new Guard(threadReader(), maxDepth);
            guard.setContentHandler(newDomBuilder(result));
            guard.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (Refusal refusal) {
            throw new ContractViolationException(refusal.violation);
        } catch (SAXParseException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            throw refusal(ErrorCode.INVALID_ENCODING, "The bytes are not valid in the document's encoding (UTF-8"
                    + " unless it declares another).");
        } catch (SAXException | IOException e) {
            // Any other IOException means undecodable bytes too: the input is in memory.
            throw refusal(ErrorCode.MALFORMED_XML, bounded(String.valueOf(e.getMessage())));
        } catch (DOMException e) {
            // The parser passes a name such as ":id" that the DOM refuses when it builds the node (found by fuzzing).
            throw refusal(ErrorCode.MALFORMED_XML, "An element or attribute name is not valid with XML namespaces.");
        }
        return (Document) result.getNode();
    }

    /**
     * A new empty document, namespace-aware, from the thread's document builder: for a tree built in this process, as
     * an adapter's stylesheet builds the contract document that {@link ContractCodec#read(Document)} then checks.
     */
    public static Document emptyDocument() {
        return EMPTY_DOCUMENTS.get().newDocument();
    }

    /** The thread's parser, reset to the factory's hardened features, with the locale set again. */
    private static XMLReader threadReader() {
        try {
            SAXParser parser = PARSERS.get();
            parser.reset();
            XMLReader reader = parser.getXMLReader();
            // Reasons go to partners in English whatever the server's locale. The messages' root bundle is
            // English; asking for ENGLISH would fall back to the server's locale first.
            reader.setProperty(LOCALE_PROPERTY, Locale.ROOT);
            return reader;
        } catch (SAXException e) {
            throw new IllegalStateException("the XML parser lacks a property the contract needs", e);
        }
    }

    private static SAXParser newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            // Defence in depth: the guard refuses DTDs before any of this could matter.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser lacks a feature the contract needs", e);
        }
    }

    private static DocumentBuilder newDocumentMaker() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot make an empty DOM document", e);
        }
    }

    private static TransformerHandler newDomBuilder(DOMResult result) {
        try {
            TransformerHandler handler = DOM_BUILDERS.get().newTransformerHandler();
            handler.setResult(result);
            return handler;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("cannot build a DOM from SAX events", e);
        }
    }

    /**
     * Xerces names the position and the rule broken; what it quotes are names (of elements, attributes, entities),
     * never text content, and the reason is bounded in length.
     */
    private static ContractViolationException malformed(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (e.getCause() instanceof CharConversionException) {
            return refusal(ErrorCode.INVALID_ENCODING, "Line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": the bytes are not valid in the document's encoding.");
        }
        ErrorCode code = message.contains(INVALID_CHARACTER_MESSAGE) ? ErrorCode.ILLEGAL_CHARACTER
                : ErrorCode.MALFORMED_XML;
        return refusal(code, bounded("Line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                + message));
    }

    private static String bounded(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static ContractViolationException refusal(ErrorCode code, String reason) {
        return new ContractViolationException(new Violation(code, FieldPaths.DOCUMENT, reason));
    }

    /** Thrown from inside the parser to stop it at the first refused construct. */
    private static final class Refusal extends SAXException {

        private final transient Violation violation;

        Refusal(ErrorCode code, String reason) {
            super(reason);
            this.violation = new Violation(code, FieldPaths.DOCUMENT, reason);
        }
    }

    /** Sits between the parser and the DOM builder and stops the parse at what the exchange refuses. */
    private static final class Guard extends XMLFilterImpl implements LexicalHandler {

        private final int maxDepth;
        private int depth;

        Guard(XMLReader parser, int maxDepth) throws SAXException {
            super(parser);
            this.maxDepth = maxDepth;
            parser.setProperty(LEXICAL_HANDLER, this);
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new Refusal(ErrorCode.FORBIDDEN_XML_CONSTRUCT,
                    "A DOCTYPE declaration is not accepted: the exchange refuses DTDs and entities.");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (XINCLUDE_NAMESPACE.equals(uri)) {
                throw new Refusal(ErrorCode.FORBIDDEN_XML_CONSTRUCT,
                        bounded("XInclude (" + qName + ") is not accepted."));
            }
            if (++depth > maxDepth) {
                throw new Refusal(ErrorCode.DOCUMENT_TOO_DEEP,
                        "Elements are nested more than " + maxDepth + " levels deep.");
            }
            if (attributes.getLength() > MAX_ATTRIBUTES) {
                throw new Refusal(ErrorCode.TOO_MANY_ATTRIBUTES, "An element has " + attributes.getLength()
                        + " attributes; at most " + MAX_ATTRIBUTES + " are accepted.");
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void endDTD() {
            // unreachable: startDTD refuses the document
        }

        @Override
        public void startEntity(String name) {
            // only the built-in entities (&lt; and the like) get here: there is no DTD to declare others
        }

        @Override
        public void endEntity(String name) {
            // see startEntity
        }

        @Override
        public void startCDATA() {
            // CDATA content arrives as characters; the boundaries carry no meaning for the contract
        }

        @Override
        public void endCDATA() {
            // see startCDATA
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            // comments are dropped
        }
    }
}
