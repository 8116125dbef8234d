package cn.consumerexchange.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.HardenedXmlParser;
import cn.consumerexchange.contract.v1.ExchangeMessage;

/**
 * The leaves of a contract message (its texts and attributes) by contract path, e.g.
 * {@code /ExchangeMessage/Complaint/Complainant/Name} or {@code /ExchangeMessage/Complaint/Purchase/Amount/@currency}.
 * Paths carry no {@code [n]} index: a repeated element's values are listed in document order. Read from the XML the
 * {@link ContractCodec} writes, so two messages compare exactly as the exchange would send them.
 */
public final class ContractFields {

    private static final ContractCodec CODEC = ContractCodec.standard();
    private static final HardenedXmlParser PARSER = new HardenedXmlParser(ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES,
            ContractCodec.DEFAULT_MAX_ELEMENT_DEPTH);

    private final Map<String, List<String>> values;

    private ContractFields(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ContractFields of(ExchangeMessage message) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        collect(PARSER.parse(CODEC.write(message)).getDocumentElement(), "", values);
        return new ContractFields(values);
    }

    /** The paths that hold a value, in document order. */
    public Set<String> paths() {
        return values.keySet();
    }

    /** The values at {@code path}, in document order; empty when the message has none there. */
    public List<String> values(String path) {
        return values.getOrDefault(path, List.of());
    }

    private static void collect(Element element, String parent, Map<String, List<String>> values) {
        String path = parent + "/" + element.getLocalName();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                add(values, path + "/@" + attribute.getLocalName(), attribute.getValue());
            }
        }
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                leaf = false;
                collect(childElement, path, values);
            }
        }
        if (leaf && !element.getTextContent().isBlank()) {
            add(values, path, element.getTextContent().trim());
        }
    }

    private static void add(Map<String, List<String>> values, String path, String value) {
        values.computeIfAbsent(path, any -> new ArrayList<>()).add(value);
    }
}
