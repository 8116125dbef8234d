package cn.consumerexchange.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The contract v1 schema, compiled once; validates documents and reports every violation. Thread-safe.
 *
 * <p>The schema's own files are read from the classpath and nothing else: the schema factory may fetch no external
 * schema over any protocol, and its includes are answered by {@link ContractFiles}, which knows only the contract's
 * sibling XSDs. That works wherever the classes come from (a directory in tests, a jar, Spring Boot's
 * {@code jar:nested:} fat jar) without allowing the parser a protocol a hostile schema location could use.
 */
final class ContractSchema {

    static final String DIRECTORY = "/contract/v1/";
    static final String ENTRY = DIRECTORY + "exchange-v1.xsd";

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
        return load(entry);
    }

    /** Compiles the schema whose entry file is {@code entry}; its includes come from the classpath. */
    static ContractSchema load(URL entry) {
        try (InputStream in = entry.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // No protocol at all: what the schema includes is answered from the classpath by the resolver.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new ContractFiles());
            Schema schema = factory.newSchema(new StreamSource(in, entry.toExternalForm()));
            return new ContractSchema(schema, SchemaOutline.load(entry));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile the contract schema " + entry, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract schema " + entry, e);
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

    /**
     * Answers the schema's {@code xs:include}s with the contract's own files from the classpath. A location that is
     * not the plain name of a file in {@link #DIRECTORY} (a URL, a path, a file the contract does not have) gets no
     * answer, so the factory's own attempt is refused by {@code ACCESS_EXTERNAL_SCHEMA}: compiling fails rather
     * than reading anything from elsewhere.
     */
    static final class ContractFiles implements LSResourceResolver {

        private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.xsd");

        private final DOMImplementationLS dom = domImplementation();

        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                String baseUri) {
            if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(type) || systemId == null
                    || !FILE_NAME.matcher(systemId).matches()) {
                return null;
            }
            URL file = ContractSchema.class.getResource(DIRECTORY + systemId);
            if (file == null) {
                return null;
            }
            LSInput input = dom.createLSInput();
            input.setSystemId(file.toExternalForm());
            input.setBaseURI(baseUri);
            input.setByteStream(open(file));
            return input;
        }

        private static InputStream open(URL file) {
            try {
                return file.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the contract schema file " + file, e);
            }
        }

        private static DOMImplementationLS domImplementation() {
            try {
                return (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                        .getDOMImplementation();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the JDK's DOM implementation is missing", e);
            }
        }
    }
}
