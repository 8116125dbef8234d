package cn.consumerexchange.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Field paths, of DOM elements and of Java objects alike, in the form {@link Violation#path()} documents. */
final class FieldPaths {

    static final String DOCUMENT = "/";

    private FieldPaths() {
    }

    /** {@code /ExchangeMessage/Evidence/Item[2]/Sha256}: an index only where an element repeats. */
    static String pathOf(Element element) {
        List<String> steps = new ArrayList<>();
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            steps.add(stepTo(current));
        }
        Collections.reverse(steps);
        return DOCUMENT + String.join("/", steps);
    }

    /** The local names from the root down to {@code element}, without indexes. */
    static List<String> namesOf(Element element) {
        List<String> names = new ArrayList<>();
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            names.add(current.getLocalName());
        }
        Collections.reverse(names);
        return names;
    }

    /** True if {@code parent} has a child element named {@code localName} in the parent's namespace. */
    static boolean hasChild(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isNamesake(child, parent.getNamespaceURI(), localName)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Item[2]} for the second of several, plain {@code Item} for the only one. */
    static String step(String name, int index, int count) {
        return count > 1 ? name + "[" + (index + 1) + "]" : name;
    }

    private static String stepTo(Element element) {
        Node parent = element.getParentNode();
        if (!(parent instanceof Element)) {
            return element.getLocalName();
        }
        int index = 0;
        int count = 0;
        for (Node sibling = parent.getFirstChild(); sibling != null; sibling = sibling.getNextSibling()) {
            if (isNamesake(sibling, element.getNamespaceURI(), element.getLocalName())) {
                if (sibling == element) {
                    index = count;
                }
                count++;
            }
        }
        return step(element.getLocalName(), index, count);
    }

    private static boolean isNamesake(Node node, String namespace, String localName) {
        return node instanceof Element other
                && localName.equals(other.getLocalName())
                && Objects.equals(namespace, other.getNamespaceURI());
    }
}
