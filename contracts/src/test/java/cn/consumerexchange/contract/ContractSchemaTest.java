package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;

/** Where the contract schema's files may come from: the classpath, whatever its URLs look like, and nowhere else. */
class ContractSchemaTest {

    private final ContractSchema.ContractFiles files = new ContractSchema.ContractFiles();

    /** Spring Boot's fat jar serves classes as {@code jar:nested:...}, a protocol the schema factory never allows. */
    @Test
    void compilesWhenTheClasspathUsesAProtocolTheFactoryRefuses() throws Exception {
        ContractSchema schema = ContractSchema.load(new URL(null, "nested:" + ContractSchema.ENTRY, new Classpath()));

        assertThat(schema.validate(document(Samples.valid("complaint")))).isEmpty();
    }

    @Test
    void answersAnIncludeWithTheContractsOwnFile() {
        LSInput input = files.resolveResource(XMLConstants.W3C_XML_SCHEMA_NS_URI, null, null, "common.xsd",
                "nested:/contract/v1/exchange-v1.xsd");

        assertThat(input).isNotNull();
        assertThat(input.getByteStream()).isNotNull();
        assertThat(input.getSystemId()).endsWith("/contract/v1/common.xsd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/common.xsd", "file:///etc/passwd", "../v1/common.xsd",
            "/contract/v1/common.xsd", "missing.xsd", "common.xsd#x"})
    void answersNothingButAContractFileName(String location) {
        assertThat(files.resolveResource(XMLConstants.W3C_XML_SCHEMA_NS_URI, null, null, location, null)).isNull();
    }

    /** What the resolver does not answer, the factory must not fetch itself: compiling fails instead. */
    @Test
    void refusesASchemaThatIncludesAFileOutsideTheContract(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
                """);
        Path entry = Files.writeString(dir.resolve("entry.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:include schemaLocation="%s"/>
                </xs:schema>
                """.formatted(outside.toUri()));

        assertThatThrownBy(() -> ContractSchema.load(entry.toUri().toURL()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot compile the contract schema")
                .rootCause().hasMessageContaining("accessExternalSchema");
    }

    private static Document document(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Serves {@code nested:<resource>} from the classpath, as a stand-in for Spring Boot's nested jar URLs. */
    private static final class Classpath extends URLStreamHandler {

        @Override
        protected URLConnection openConnection(URL url) throws MalformedURLException {
            return new URLConnection(url) {
                @Override
                public void connect() {
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    InputStream in = ContractSchemaTest.class.getResourceAsStream(url.getPath());
                    if (in == null) {
                        throw new IOException("no resource " + url.getPath());
                    }
                    return in;
                }
            };
        }
    }
}
