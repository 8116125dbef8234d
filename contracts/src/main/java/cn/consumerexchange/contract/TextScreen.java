package cn.consumerexchange.contract;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Screens every text and attribute value of a DOM before the schema validator sees it, in one linear pass: a
 * character XML 1.0 cannot carry is {@link ErrorCode#ILLEGAL_CHARACTER} (a DOM built from Java objects may hold
 * one, and the document could be written but never read again), and a text longer than any field of the contract
 * is {@link ErrorCode#FIELD_TOO_LONG} before the validator's regular expressions spend time on it.
 */
final class TextScreen {

    /** The longest field of the contract: LongText. */
    static final int MAX_TEXT_CHARS = 20_000;

    private final List<Violation> violations = new ArrayList<>();

    private TextScreen() {
    }

    /** The violations of {@code document}, in document order; empty if every text passes. */
    static List<Violation> screen(Document document) {
        TextScreen screen = new TextScreen();
        if (document.getDocumentElement() != null) {
            screen.element(document.getDocumentElement());
        }
        return screen.violations;
    }

    private void element(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            check(attribute.getValue(), element, "/@" + attribute.getLocalName());
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                element(nested);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        check(text, element, "");
    }

    private void check(CharSequence value, Element element, String attributeStep) {
        if (violations.size() >= SchemaErrorCollector.MAX_VIOLATIONS) {
            return;
        }
        if (XmlCharacters.firstIllegal(value) >= 0) {
            violations.add(new Violation(ErrorCode.ILLEGAL_CHARACTER, FieldPaths.pathOf(element) + attributeStep,
                    XmlCharacters.REASON));
        } else if (value.length() > MAX_TEXT_CHARS) {
            violations.add(new Violation(ErrorCode.FIELD_TOO_LONG, FieldPaths.pathOf(element) + attributeStep,
                    "The value has " + value.length() + " characters; no field of the contract takes more than "
                            + MAX_TEXT_CHARS + "."));
        }
    }
}
