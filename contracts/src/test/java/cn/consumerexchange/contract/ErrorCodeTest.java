package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ErrorCodeTest {

    @Test
    void schemaListsExactlyTheJavaCodes() throws Exception {
        assertThat(rejectionCodesInSchema())
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void everyCodeHasAOneLineDescription() {
        assertThat(ErrorCode.values()).allSatisfy(code ->
                assertThat(code.description()).isNotBlank().doesNotContain("\n").endsWith("."));
    }

    private static List<String> rejectionCodesInSchema() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try (InputStream xsd = ErrorCode.class.getResourceAsStream("/contract/v1/case-status.xsd")) {
            NodeList types = factory.newDocumentBuilder().parse(xsd)
                    .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType");
            for (int i = 0; i < types.getLength(); i++) {
                Element type = (Element) types.item(i);
                if ("RejectionCode".equals(type.getAttribute("name"))) {
                    NodeList values = type.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "enumeration");
                    List<String> codes = new ArrayList<>();
                    for (int j = 0; j < values.getLength(); j++) {
                        codes.add(((Element) values.item(j)).getAttribute("value"));
                    }
                    return codes;
                }
            }
        }
        throw new AssertionError("no RejectionCode in case-status.xsd");
    }
}
