package cn.consumerexchange.contract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The element structure of the contract schema, read from the XSD itself: for each complex type its child
 * elements (type, required or not), its required choices and its attributes; for simple types their maximum
 * length. Lets schema errors be reported
 * as "this field is missing" at the field's own path, and value errors with the code of the field's type.
 */
final class SchemaOutline {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** A child element of a complex type; {@code required} is false for optional ones and choice alternatives. */
    record ChildElement(String name, String type, boolean required) {
    }

    /** What a complex type may contain. Children are in schema order. */
    record ContentModel(Map<String, ChildElement> children, List<List<String>> requiredChoices,
                        Map<String, String> attributeTypes, Set<String> requiredAttributes) {

        static final ContentModel EMPTY = new ContentModel(Map.of(), List.of(), Map.of(), Set.of());
    }

    private final Map<String, ContentModel> contentByType;
    private final Map<String, String> rootElementTypes;
    private final Map<String, Integer> maxLengthBySimpleType;

    private SchemaOutline(Map<String, ContentModel> contentByType, Map<String, String> rootElementTypes,
                          Map<String, Integer> maxLengthBySimpleType) {
        this.contentByType = contentByType;
        this.rootElementTypes = rootElementTypes;
        this.maxLengthBySimpleType = maxLengthBySimpleType;
    }

    /** Reads the schema at {@code entry} and every schema it includes. */
    static SchemaOutline load(URL entry) {
        Map<String, ContentModel> contentByType = new HashMap<>();
        Map<String, String> rootElementTypes = new HashMap<>();
        Map<String, Integer> maxLengthBySimpleType = new HashMap<>();
        Deque<URL> pending = new ArrayDeque<>(List.of(entry));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            URL url = pending.pop();
            if (!seen.add(url.toString())) {
                continue;
            }
            Element schema = parse(url).getDocumentElement();
            for (Element child : children(schema)) {
                switch (child.getLocalName()) {
                    case "include" -> pending.push(resolve(url, child.getAttribute("schemaLocation")));
                    case "complexType" -> contentByType.put(child.getAttribute("name"), contentOf(child));
                    case "element" -> {
                        // Only the root element is global, and its type is anonymous: key it by its own name.
                        String name = child.getAttribute("name");
                        rootElementTypes.put(name, name);
                        children(child).stream()
                                .filter(c -> "complexType".equals(c.getLocalName()))
                                .forEach(type -> contentByType.put(name, contentOf(type)));
                    }
                    case "simpleType" -> maxLength(child).ifPresent(
                            max -> maxLengthBySimpleType.put(child.getAttribute("name"), max));
                    default -> {
                        // annotations carry no structure
                    }
                }
            }
        }
        return new SchemaOutline(Map.copyOf(contentByType), Map.copyOf(rootElementTypes),
                Map.copyOf(maxLengthBySimpleType));
    }

    /** The longest value a simple type of the schema takes ({@code maxLength} or {@code length}), if it says. */
    Optional<Integer> maxLength(String simpleType) {
        return Optional.ofNullable(maxLengthBySimpleType.get(simpleType));
    }

    private static Optional<Integer> maxLength(Element simpleType) {
        return children(simpleType).stream()
                .filter(child -> "restriction".equals(child.getLocalName()))
                .flatMap(restriction -> children(restriction).stream())
                .filter(facet -> "maxLength".equals(facet.getLocalName()) || "length".equals(facet.getLocalName()))
                .map(facet -> Integer.valueOf(facet.getAttribute("value")))
                .findFirst();
    }

    /** The declared type of the element (or attribute, written {@code @name}) at this path of local names. */
    Optional<String> typeOf(List<String> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String type = rootElementTypes.get(path.get(0));
        for (String step : path.subList(1, path.size())) {
            if (type == null) {
                return Optional.empty();
            }
            ContentModel content = contentOf(type);
            type = step.startsWith("@")
                    ? content.attributeTypes().get(step.substring(1))
                    : Optional.ofNullable(content.children().get(step)).map(ChildElement::type).orElse(null);
        }
        return Optional.ofNullable(type);
    }

    /** What the element at this path may contain; empty if it is unknown or has simple content only. */
    ContentModel contentAt(List<String> path) {
        return typeOf(path).map(this::contentOf).orElse(ContentModel.EMPTY);
    }

    private ContentModel contentOf(String type) {
        return contentByType.getOrDefault(type, ContentModel.EMPTY);
    }

    private static ContentModel contentOf(Element complexType) {
        Map<String, ChildElement> elements = new LinkedHashMap<>();
        List<List<String>> requiredChoices = new ArrayList<>();
        Map<String, String> attributeTypes = new HashMap<>();
        Set<String> requiredAttributes = new HashSet<>();
        collect(complexType, false, elements, requiredChoices, attributeTypes, requiredAttributes);
        return new ContentModel(Collections.unmodifiableMap(elements), List.copyOf(requiredChoices),
                Map.copyOf(attributeTypes), Set.copyOf(requiredAttributes));
    }

    private static void collect(Element node, boolean inChoice, Map<String, ChildElement> elements,
                                List<List<String>> requiredChoices, Map<String, String> attributeTypes,
                                Set<String> requiredAttributes) {
        for (Element child : children(node)) {
            switch (child.getLocalName()) {
                case "element" -> {
                    boolean required = !inChoice && !isOptional(child);
                    String name = child.getAttribute("name");
                    elements.put(name, new ChildElement(name, child.getAttribute("type"), required));
                }
                case "attribute" -> {
                    attributeTypes.put(child.getAttribute("name"), child.getAttribute("type"));
                    if ("required".equals(child.getAttribute("use"))) {
                        requiredAttributes.add(child.getAttribute("name"));
                    }
                }
                case "choice" -> {
                    if (!inChoice && !isOptional(child)) {
                        requiredChoices.add(children(child).stream()
                                .filter(c -> "element".equals(c.getLocalName()))
                                .map(c -> c.getAttribute("name"))
                                .toList());
                    }
                    collect(child, true, elements, requiredChoices, attributeTypes, requiredAttributes);
                }
                case "annotation" -> {
                    // documentation only
                }
                default -> collect(child, inChoice, elements, requiredChoices, attributeTypes, requiredAttributes);
            }
        }
    }

    private static boolean isOptional(Element particle) {
        return "0".equals(particle.getAttribute("minOccurs"));
    }

    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && XS.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Document parse(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in, url.toString());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read the contract schema " + url, e);
        }
    }

    private static URL resolve(URL base, String location) {
        try {
            return new URL(base, location);
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve " + location + " against " + base, e);
        }
    }
}
