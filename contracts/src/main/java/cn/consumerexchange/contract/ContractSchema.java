package cn.consumerexchange.contract;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The contract v1 schema, compiled once; validates documents and reports every violation. Thread-safe. */
final class ContractSchema {

    static final String ENTRY = "/contract/v1/exchange-v1.xsd";

    private static final String LOCALE_PROPERTY = "http://apache.org/xml/properties/locale";

    private final Schema schema;
    private final SchemaOutline outline;
    /** Building a validator costs more than many validations; a validator is reusable but not thread-safe. */
    private final ThreadLocal<Validator> validators = ThreadLocal.withInitial(this::newValidator);

    private ContractSchema(Schema schema, SchemaOutline outline) {
        this.schema = schema;
        this.outline = outline;
    }

    static ContractSchema load() {
        URL entry = ContractSchema.class.getResource(ENTRY);
        if (entry == null) {
            throw new IllegalStateException("contract schema not on the classpath: " + ENTRY);
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // The schema includes its sibling files, from the file system in tests and from the jar otherwise.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return new ContractSchema(factory.newSchema(entry), SchemaOutline.load(entry));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile the contract schema " + entry, e);
        }
    }

    /** All violations of the schema in {@code document}, in document order; empty if it is valid. */
    List<Violation> validate(Document document) {
        Validator validator = validators.get();
        SchemaErrorCollector collector = new SchemaErrorCollector(validator, outline, document);
        validator.setErrorHandler(collector);
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            // A fatal error, which the collector has recorded: validation cannot go on after it.
        } catch (IOException e) {
            throw new IllegalStateException("validating an in-memory document cannot fail on I/O", e);
        }
        return collector.violations();
    }

    private Validator newValidator() {
        Validator validator = schema.newValidator();
        try {
            // A document must not make the validator fetch anything, e.g. through xsi:schemaLocation.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Reasons go to partners in English whatever the server's locale. The messages' root bundle is
            // English; asking for ENGLISH would fall back to the server's locale first.
            validator.setProperty(LOCALE_PROPERTY, Locale.ROOT);
        } catch (SAXException e) {
            throw new IllegalStateException("the XML validator lacks a property the contract needs", e);
        }
        return validator;
    }
}
