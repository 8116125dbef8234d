package cn.consumerexchange.gateway.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's answer to one input as the partner reads it: an acknowledgement, or a rejection with its codes. Read
 * from the native answer of each format (the adapters read only what partners send, not what the gateway answers).
 */
record NativeAnswer(boolean accepted, List<String> codes, String text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static NativeAnswer read(String format, byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        try {
            return switch (format) {
                case "gba-xml" -> {
                    Element receipt = element(xml(answer), "receipt");
                    yield new NativeAnswer(receipt != null && "ACCEPTED".equals(receipt.getAttribute("result")),
                            attributes(xml(answer), "error", "code"), text);
                }
                case "hkmo-xml" -> new NativeAnswer(element(xml(answer), "Receipt") != null,
                        attributes(xml(answer), "Problem", "code"), text);
                case "yrd-json" -> {
                    JsonNode root = JSON.readTree(answer);
                    yield new NativeAnswer("ACK".equals(root.path("msgType").asText()),
                            values(root.path("reject").path("errors"), "code"), text);
                }
                case "n12315-json" -> {
                    JsonNode root = JSON.readTree(answer);
                    yield new NativeAnswer("HZ".equals(root.path("xxlx").asText()),
                            values(root.path("thxx").path("cwlb"), "cwdm"), text);
                }
                case "hlj-csv" -> {
                    // One line in format.json's column order, without the header the batch file carries.
                    List<String> columns = Arrays.asList(new String(HostileCorpus.resource("hlj-csv/valid.csv"),
                            StandardCharsets.UTF_8).lines().findFirst().orElseThrow().split(","));
                    CSVRecord line = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords().get(0);
                    yield new NativeAnswer("ACK".equals(line.get(0)),
                            split(line.get(columns.indexOf("error_codes"))), text);
                }
                default -> throw new IllegalArgumentException("No answer reader for " + format);
            };
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("Not a " + format + " answer: " + abbreviate(text), e);
        }
    }

    /** One data line of a batch result file: {@code line,message_id,result,gateway_ref,error_codes,reasons}. */
    static NativeAnswer resultLine(CSVRecord line, String wholeFile) {
        return new NativeAnswer("ACCEPTED".equals(line.get("result")), split(line.get("error_codes")), wholeFile);
    }

    static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " chars)";
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    private static Document xml(byte[] answer) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Element element(Document document, String name) {
        NodeList found = document.getElementsByTagName(name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static List<String> attributes(Document document, String element, String attribute) {
        NodeList found = document.getElementsByTagName(element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            values.add(((Element) found.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
