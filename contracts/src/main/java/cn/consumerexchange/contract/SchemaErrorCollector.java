package cn.consumerexchange.contract;

import cn.consumerexchange.contract.SchemaOutline.ChildElement;
import cn.consumerexchange.contract.SchemaOutline.ContentModel;
import cn.consumerexchange.contract.SchemaErrorReasons.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns every error the schema validator reports on a DOM into a {@link Violation} at the path of the field
 * concerned. Xerces reports a bad value twice (the facet that failed, then "the value of element X is not
 * valid"); the pair becomes one violation, whose reason is the facet. A missing element is reported at the
 * missing element's own path, found by comparing the document with the {@link SchemaOutline}. Reasons state the
 * rule broken without the value ({@link SchemaErrorReasons}); a value over its type's length limit is
 * {@link ErrorCode#FIELD_TOO_LONG}.
 */
final class SchemaErrorCollector implements ErrorHandler {

    private static final String CURRENT_ELEMENT_PROPERTY = "http://apache.org/xml/properties/dom/current-element-node";

    /** Enough for any sender to fix its message; bounds the work a hostile document can cause. */
    static final int MAX_VIOLATIONS = 100;

    private static final int MAX_REASON_LENGTH = 300;

    /** Fields whose schema type already says which business rule a bad value breaks. */
    private static final Map<String, ErrorCode> CODE_BY_TYPE = Map.of(
            "Money", ErrorCode.INVALID_AMOUNT,
            "Currency", ErrorCode.UNSUPPORTED_CURRENCY,
            "CreditCode", ErrorCode.INVALID_CREDIT_CODE,
            "DivisionCode", ErrorCode.UNKNOWN_DIVISION);

    /** Errors saying that a value is invalid; the facet error just before says why. */
    private static final Set<String> VALUE_SUMMARIES =
            Set.of("cvc-type.3.1.3", "cvc-complex-type.2.2", "cvc-attribute.3");

    private static final Pattern KEY = Pattern.compile("^(cvc-[\\w.\\-]+):\\s*");
    private static final Pattern FACET_KEY = Pattern.compile("cvc-\\w+-valid(\\..*)?");
    private static final Pattern ATTRIBUTE_IN_SUMMARY = Pattern.compile(
            "of attribute '([^']*)' on element '[^']*' is not valid with respect to its type, '[^']*'\\.$");
    /** Xerces lists expected elements as '{"namespace":A, "namespace":B}'. */
    private static final Pattern ELEMENT_LIST = Pattern.compile("'\\{(\"[^']*)}'");
    private static final Pattern NAMESPACE_IN_NAME = Pattern.compile("\"[^\"]*\":");

    private record FacetError(Element element, Reason reason) {
    }

    private final Validator validator;
    private final SchemaOutline outline;
    private final SchemaErrorReasons reasons;
    private final Document document;
    private final Map<String, Violation> violationsByPath = new LinkedHashMap<>();
    private FacetError pendingFacet;

    SchemaErrorCollector(Validator validator, SchemaOutline outline, Document document) {
        this.validator = validator;
        this.outline = outline;
        this.reasons = new SchemaErrorReasons(outline);
        this.document = document;
    }

    /** The violations in document order, at most one per path. */
    List<Violation> violations() {
        flushPendingFacet();
        return new ArrayList<>(violationsByPath.values());
    }

    @Override
    public void warning(SAXParseException exception) {
        // Warnings do not make a document invalid.
    }

    @Override
    public void error(SAXParseException exception) {
        collect(exception);
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
        collect(exception);
        throw exception;
    }

    private void collect(SAXParseException exception) {
        String message = String.valueOf(exception.getMessage());
        Matcher keyMatcher = KEY.matcher(message);
        boolean hasKey = keyMatcher.find();
        String key = hasKey ? keyMatcher.group(1) : "";
        String text = hasKey ? message.substring(keyMatcher.end()) : message;
        Reason reason = reasons.rewrite(key, text)
                .map(rewritten -> new Reason(clean(rewritten.text()), rewritten.tooLong()))
                .orElseGet(() -> new Reason(clean(text), false));
        Element element = currentElement();
        if (VALUE_SUMMARIES.contains(key)) {
            boolean explainedByFacet = pendingFacet != null && pendingFacet.element() == element;
            Reason detail = explainedByFacet ? pendingFacet.reason() : reason;
            if (explainedByFacet) {
                pendingFacet = null;
            }
            flushPendingFacet();
            reportBadValue(element, attributeNamedIn(message), detail);
            return;
        }
        flushPendingFacet();
        switch (key) {
            // 2.4.a is raised at the child that cannot come next, 2.4.b at the parent that ends too early.
            case "cvc-complex-type.2.4.a" ->
                    reportMissingChildren((Element) element.getParentNode(), element, reason.text());
            case "cvc-complex-type.2.4.b" -> reportMissingChildren(element, element, reason.text());
            case "cvc-complex-type.4" -> reportMissingAttributes(element, reason.text());
            default -> {
                if (FACET_KEY.matcher(key).matches()) {
                    pendingFacet = new FacetError(element, reason);
                } else {
                    add(new Violation(ErrorCode.SCHEMA_VIOLATION, FieldPaths.pathOf(element), reason.text()));
                }
            }
        }
    }

    private void reportBadValue(Element element, String attribute, Reason reason) {
        List<String> names = new ArrayList<>(FieldPaths.namesOf(element));
        String path = FieldPaths.pathOf(element);
        if (attribute != null) {
            names.add("@" + attribute);
            path += "/@" + attribute;
        }
        ErrorCode code = reason.tooLong() ? ErrorCode.FIELD_TOO_LONG
                : outline.typeOf(names).map(CODE_BY_TYPE::get).orElse(ErrorCode.SCHEMA_VIOLATION);
        add(new Violation(code, path, reason.text()));
    }

    /** Reports each required child {@code parent} lacks; if it lacks none, {@code offending} is out of place. */
    private void reportMissingChildren(Element parent, Element offending, String reason) {
        ContentModel content = outline.contentAt(FieldPaths.namesOf(parent));
        String parentPath = FieldPaths.pathOf(parent);
        boolean lacksAny = false;
        for (ChildElement child : content.children().values()) {
            if (child.required() && !FieldPaths.hasChild(parent, child.name())) {
                add(new Violation(ErrorCode.MISSING_FIELD, parentPath + "/" + child.name(),
                        child.name() + " is required."));
                lacksAny = true;
            }
        }
        for (List<String> choice : content.requiredChoices()) {
            if (choice.stream().noneMatch(name -> FieldPaths.hasChild(parent, name))) {
                add(new Violation(ErrorCode.MISSING_FIELD, parentPath,
                        "One of " + String.join(", ", choice) + " is required."));
                lacksAny = true;
            }
        }
        if (!lacksAny) {
            add(new Violation(ErrorCode.SCHEMA_VIOLATION, FieldPaths.pathOf(offending), reason));
        }
    }

    private void reportMissingAttributes(Element element, String reason) {
        ContentModel content = outline.contentAt(FieldPaths.namesOf(element));
        String path = FieldPaths.pathOf(element);
        boolean lacksAny = false;
        for (String attribute : content.requiredAttributes()) {
            if (!element.hasAttributeNS(null, attribute)) {
                add(new Violation(ErrorCode.MISSING_FIELD, path + "/@" + attribute,
                        "Attribute " + attribute + " is required."));
                lacksAny = true;
            }
        }
        if (!lacksAny) {
            add(new Violation(ErrorCode.SCHEMA_VIOLATION, path, reason));
        }
    }

    private void flushPendingFacet() {
        if (pendingFacet != null) {
            FacetError facet = pendingFacet;
            pendingFacet = null;
            reportBadValue(facet.element(), null, facet.reason());
        }
    }

    private void add(Violation violation) {
        if (violationsByPath.size() < MAX_VIOLATIONS) {
            violationsByPath.putIfAbsent(violation.path(), violation);
        }
    }

    private Element currentElement() {
        try {
            Object node = validator.getProperty(CURRENT_ELEMENT_PROPERTY);
            return node instanceof Element element ? element : document.getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalStateException("the XML validator does not expose the current element", e);
        }
    }

    private static String attributeNamedIn(String message) {
        Matcher matcher = ATTRIBUTE_IN_SUMMARY.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Drops the namespace from element names and bounds the length: names come from the document. */
    private static String clean(String message) {
        String unlisted = ELEMENT_LIST.matcher(message).replaceAll("'$1'");
        String cleaned = NAMESPACE_IN_NAME.matcher(unlisted).replaceAll("");
        return cleaned.length() <= MAX_REASON_LENGTH ? cleaned : cleaned.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
