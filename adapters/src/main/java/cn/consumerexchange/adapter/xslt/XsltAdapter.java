package cn.consumerexchange.adapter.xslt;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.DOMDestination;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XsltExecutable;

import cn.consumerexchange.adapter.MappingException;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.HardenedXmlParser;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * A partner format defined by files, not code (声明式适配器): {@code to-contract.xsl} turns a native message into
 * contract XML, {@code from-contract.xsl} turns contract XML into a native message. Both are compiled once, when the
 * format is loaded; every call gets its own transformer. What the inbound stylesheet produces is read by the
 * {@link ContractCodec}, so the schema decides whether the translation holds. Made by {@link XsltFormatLoader}.
 * Thread-safe.
 */
public final class XsltAdapter implements PartnerAdapter {

    private static final String CONTRACT_NAMESPACE = "urn:cn:consumer-exchange:contract:v1";
    private static final ContractCodec CODEC = ContractCodec.standard();
    private static final int MAX_REASON_LENGTH = 300;

    private final FormatDescriptor descriptor;
    private final Processor processor;
    private final XsltExecutable toContract;
    private final XsltExecutable fromContract;
    private final NativeReader reader;
    private final XPathExecutable nativeMessageId;

    XsltAdapter(FormatDescriptor descriptor, FormatProcessor processor, XsltExecutable toContract,
            XsltExecutable fromContract, NativeReader reader, XPathExecutable nativeMessageId) {
        this.descriptor = descriptor;
        this.processor = processor.processor();
        this.toContract = toContract;
        this.fromContract = fromContract;
        this.reader = reader;
        this.nativeMessageId = nativeMessageId;
    }

    @Override
    public String format() {
        return descriptor.format();
    }

    @Override
    public String mediaType() {
        return descriptor.mediaType();
    }

    @Override
    public Set<MessageKind> messageTypes() {
        return descriptor.messageTypes();
    }

    /** As {@code format.json}'s {@code notCarried} gives it. */
    @Override
    public Optional<String> notCarriedReason(MessageKind type) {
        return descriptor.notCarriedReason(type);
    }

    /** As {@code format.json}'s {@code nativeFields} names it. */
    @Override
    public Optional<String> nativeField(String contractPath) {
        return descriptor.nativeField(contractPath);
    }

    /**
     * @throws UntranslatableMessageException when the native message is unreadable, when {@code to-contract.xsl}
     *                                        fails on it, when it is of a type the format does not carry, or when
     *                                        the contract XML produced breaks the schema (then with the codec's
     *                                        violations: their codes and contract paths)
     * @throws MappingException               when a code table the stylesheet asks for is missing or malformed
     */
    @Override
    public ExchangeMessage toContract(byte[] nativeMessage) {
        XdmNode input = reader.read(nativeMessage);
        Document contract = translateToContract(input);
        String messageId = Optional.ofNullable(envelopeField(contract, "MessageId"))
                .orElseGet(() -> nativeMessageId(input));
        Optional<MessageKind> type = Optional.ofNullable(envelopeField(contract, "MessageType"))
                .flatMap(XsltAdapter::messageKind);
        if (type.isPresent() && !messageTypes().contains(type.get())) {
            throw new UntranslatableMessageException(messageId, "/ExchangeMessage/Envelope/MessageType",
                    "Format " + format() + " does not carry " + type.get() + " messages.");
        }
        try {
            return CODEC.read(contract);
        } catch (ContractViolationException e) {
            throw new UntranslatableMessageException(messageId, e.violations().stream()
                    .map(violation -> new Violation(violation.code(), violation.path(),
                            origin(violation.path()) + violation.reason()))
                    .toList());
        }
    }

    /** The stylesheet's result is read by the contract codec, schema and all. */
    @Override
    public boolean readsThroughContractSchema() {
        return true;
    }

    /** Says where a contract field came from: the stylesheet, and the native field when format.json names it. */
    private String origin(String contractPath) {
        return "[" + format() + " to-contract.xsl" + descriptor.nativeField(contractPath).map(field -> ", native "
                + field).orElse("") + "] ";
    }

    /** The stylesheet writes straight into a DOM, which the codec checks and binds: no bytes in between. */
    private Document translateToContract(XdmNode input) {
        Document contract = HardenedXmlParser.emptyDocument();
        try {
            FormatProcessor.transform(toContract, input, transformer -> new DOMDestination(contract));
        } catch (StylesheetFailure e) {
            throw new UntranslatableMessageException(nativeMessageId(input), "/",
                    "[" + format() + " to-contract.xsl] " + bounded(e.getMessage()));
        }
        return contract;
    }

    /**
     * The stylesheet reads the message as JAXB marshals it, straight into Saxon's tree; the contract was checked where
     * the gateway read or made it.
     *
     * @throws IllegalArgumentException when the format does not carry the message's type, or {@code
     *                                  from-contract.xsl} cannot write this message (e.g. a code its tables lack)
     * @throws MappingException          when a code table the stylesheet asks for is missing or malformed
     */
    @Override
    public byte[] toNative(ExchangeMessage message) {
        MessageKind type = message.getEnvelope() == null ? null : message.getEnvelope().getMessageType();
        if (!messageTypes().contains(type)) {
            throw new IllegalArgumentException("Format " + format() + " does not carry " + type + " messages");
        }
        XdmNode contract = contractDocument(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FormatProcessor.transform(fromContract, contract, transformer -> {
                Serializer serializer = transformer.newSerializer(out);
                // The stylesheet's xsl:output decides the method; the exchange decides the encoding.
                serializer.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
                return serializer;
            });
        } catch (StylesheetFailure e) {
            throw new IllegalArgumentException("Format " + format() + " cannot write message "
                    + message.getEnvelope().getMessageId() + ": [from-contract.xsl] " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private XdmNode contractDocument(ExchangeMessage message) {
        try {
            BuildingContentHandler tree = processor.newDocumentBuilder().newBuildingContentHandler();
            CODEC.marshal(message, tree);
            return tree.getDocumentNode();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot marshal message " + message.getEnvelope().getMessageId()
                    + " into Saxon", e);
        }
    }

    private String nativeMessageId(XdmNode input) {
        return nativeMessageId == null ? null : string(nativeMessageId, input);
    }

    /** The trimmed string value of the expression, or {@code null} if it is empty or fails. */
    private static String string(XPathExecutable expression, XdmNode node) {
        try {
            XPathSelector selector = expression.load();
            selector.setContextItem(node);
            XdmValue value = selector.evaluate();
            String text = value.isEmpty() ? "" : value.itemAt(0).getStringValue().trim();
            return text.isEmpty() ? null : text;
        } catch (SaxonApiException e) {
            return null;
        }
    }

    /**
     * A stylesheet's or Saxon's reason may quote the message (a format author's {@code xsl:message}, a value that
     * failed a cast): it is cut short, as every reason the exchange sends back.
     */
    private static String bounded(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static Optional<MessageKind> messageKind(String type) {
        try {
            return Optional.of(MessageKind.fromValue(type));
        } catch (IllegalArgumentException e) {
            // not a message type at all: the codec's schema check will say so
            return Optional.empty();
        }
    }

    /**
     * The trimmed text of a field of the produced envelope, or {@code null}: to answer or refuse the message before
     * the codec has read it.
     */
    private static String envelopeField(Document contract, String name) {
        Element root = contract.getDocumentElement();
        if (root == null || !isContract(root, "ExchangeMessage")) {
            return null;
        }
        Element envelope = firstChild(root, "Envelope");
        Element field = envelope == null ? null : firstChild(envelope, name);
        String text = field == null ? "" : field.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    private static Element firstChild(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && isContract(element, name)) {
                return element;
            }
        }
        return null;
    }

    private static boolean isContract(Element element, String name) {
        return CONTRACT_NAMESPACE.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }
}
