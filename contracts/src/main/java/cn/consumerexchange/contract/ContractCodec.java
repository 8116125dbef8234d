package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ContentHandler;

/**
 * Reads and writes contract v1 documents. Reading is safe on untrusted input: a hardened parse (no DTD, no
 * entities, no XInclude, bounded size and depth), then schema validation that reports every violation, then
 * binding. Writing validates too, so the exchange never emits a document it would refuse to read: a character XML
 * cannot carry ({@link ErrorCode#ILLEGAL_CHARACTER}) is refused at its field's path before any bytes are written.
 * A contract already held, read or written so, is handed to an adapter as it is ({@link #source}). Business rules
 * are {@link ContractValidator}'s job. Thread-safe.
 */
public final class ContractCodec {

    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 32;

    private static final JAXBContext CONTEXT = newContext();
    private static final ContractSchema SCHEMA = ContractSchema.load();
    /** A transformer factory is costly to make and not thread-safe: one per thread. */
    private static final ThreadLocal<TransformerFactory> SERIALISERS =
            ThreadLocal.withInitial(TransformerFactory::newDefaultInstance);
    private static final ContractCodec STANDARD =
            new ContractCodec(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ELEMENT_DEPTH);

    private final HardenedXmlParser parser;

    /**
     * @param maxDocumentBytes larger documents are refused with {@link ErrorCode#DOCUMENT_TOO_LARGE}
     * @param maxElementDepth  deeper documents are refused with {@link ErrorCode#DOCUMENT_TOO_DEEP}
     */
    public ContractCodec(int maxDocumentBytes, int maxElementDepth) {
        this.parser = new HardenedXmlParser(maxDocumentBytes, maxElementDepth);
    }

    /** A codec with the default limits: 1 MiB, 32 levels. */
    public static ContractCodec standard() {
        return STANDARD;
    }

    /**
     * Parses, validates against the schema and binds a document.
     *
     * @throws ContractViolationException with every schema violation found, or with the single reason the
     *                                    document could not be parsed
     */
    public ExchangeMessage read(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        return read(parser.parse(xml));
    }

    /**
     * Validates against the schema and binds a document built in this process rather than parsed from bytes: what an
     * adapter's stylesheet made of a native message that the hardened parser read. The same checks as {@link
     * #read(byte[])} after its parse, without writing the document out and parsing it back.
     *
     * @throws ContractViolationException with every schema violation found
     */
    public ExchangeMessage read(Document document) {
        Objects.requireNonNull(document, "document");
        requireValid(document);
        try {
            return (ExchangeMessage) CONTEXT.createUnmarshaller().unmarshal(document);
        } catch (JAXBException e) {
            throw new IllegalStateException("a schema-valid document failed to bind: schema and classes disagree", e);
        }
    }

    /**
     * Parses and binds a document that this codec wrote, without checking the schema again: {@link #write} checked
     * it. For the gateway's own internal queues, where a message is read once more after intake; anything that
     * crossed a trust boundary goes through {@link #read}.
     */
    public ExchangeMessage readWritten(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        try {
            return (ExchangeMessage) CONTEXT.createUnmarshaller().unmarshal(parser.parse(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException("a document this codec wrote failed to bind", e);
        }
    }

    /**
     * Serialises a message as UTF-8 XML, without indentation.
     *
     * @throws ContractViolationException if the message does not conform to the schema, e.g. a required field
     *                                    is null
     */
    public byte[] write(ExchangeMessage message) {
        return serialise(writeDocument(message));
    }

    /**
     * Marshals a message into a DOM and checks it as {@link #write} does, without serialising it: for a reader in this
     * process (an adapter's stylesheet), which would otherwise parse the bytes back into the same tree.
     *
     * @throws ContractViolationException if the message does not conform to the schema
     */
    public Document writeDocument(ExchangeMessage message) {
        Objects.requireNonNull(message, "message");
        Document document = marshal(message);
        requireValid(document);
        return document;
    }

    /**
     * Marshals a message the gateway holds as a contract into {@code events}, as SAX events, for a reader in this
     * process that builds its own tree from them (an adapter's stylesheet): no tree in between and no second check. The
     * schema is checked where a message becomes a contract: read by {@link #read} at the intake, or written by
     * {@link #write} where the gateway makes one.
     */
    public void marshal(ExchangeMessage message, ContentHandler events) {
        Objects.requireNonNull(message, "message");
        try {
            CONTEXT.createMarshaller().marshal(message, events);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal " + message, e);
        }
    }

    /** The text screen's violations, then the schema's at paths the screen did not already report. */
    private static void requireValid(Document document) {
        List<Violation> screened = TextScreen.screen(document);
        Set<String> screenedPaths = screened.stream().map(Violation::path).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>(screened);
        SCHEMA.validate(document).stream()
                .filter(violation -> !screenedPaths.contains(violation.path()))
                .forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(violations);
        }
    }

    private static Document marshal(ExchangeMessage message) {
        try {
            DOMResult result = new DOMResult();
            CONTEXT.createMarshaller().marshal(message, result);
            return (Document) result.getNode();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal " + message, e);
        }
    }

    private static byte[] serialise(Document document) {
        try {
            // Without this, the serialiser adds standalone="no" to the declaration.
            document.setXmlStandalone(true);
            Transformer transformer = SERIALISERS.get().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a DOM held in memory", e);
        }
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(ExchangeMessage.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build the JAXB context of contract v1", e);
        }
    }
}
