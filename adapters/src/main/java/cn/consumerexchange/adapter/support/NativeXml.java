package cn.consumerexchange.adapter.support;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.HardenedXmlParser;

/**
 * Reads a partner's native XML with the contract's {@link HardenedXmlParser}: no DOCTYPE, so no entity is ever
 * declared, expanded or fetched; no XInclude; bounded size, depth and attributes per element. Also small helpers
 * to walk the result.
 */
public final class NativeXml {

    private static final HardenedXmlParser PARSER = new HardenedXmlParser(ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES,
            ContractCodec.DEFAULT_MAX_ELEMENT_DEPTH);

    private NativeXml() {
    }

    /**
     * @throws UntranslatableMessageException with the parser's own violations when the bytes are refused, so the
     *                                        sender learns the specific code (e.g. FORBIDDEN_XML_CONSTRUCT)
     */
    public static Element parse(byte[] xml) {
        try {
            return PARSER.parse(xml).getDocumentElement();
        } catch (ContractViolationException e) {
            throw new UntranslatableMessageException(null, e.violations());
        }
    }

    /** The first child element with this name, or {@code null}. */
    public static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    /** The trimmed text of a child element, or {@code null} when absent or empty. */
    public static String text(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            return null;
        }
        String text = child.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    /** An attribute's value, or {@code null} when absent or empty. */
    public static String attribute(Element element, String name) {
        if (element == null || !element.hasAttribute(name)) {
            return null;
        }
        String value = element.getAttribute(name).trim();
        return value.isEmpty() ? null : value;
    }
}
