package cn.consumerexchange.contract;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** Compares XML documents by content: comments and indentation are not content. */
final class XmlDocuments {

    private XmlDocuments() {
    }

    static Document contentOf(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        dropIndentation(document.getDocumentElement());
        document.normalizeDocument();
        return document;
    }

    private static void dropIndentation(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                dropIndentation(child);
            }
            child = next;
        }
    }
}
