package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.adapter.MappingException;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;

/** The mechanics every declarative format shares, on test formats under src/test/resources/formats/. */
class XsltAdapterTest {

    final AdapterCatalog catalog = AdapterCatalog.discover(FormatSource.classpath(""));
    final PartnerAdapter probe = catalog.forFormat("probe-xml");

    static byte[] probe(String action) {
        return ("<probe id=\"P-1\" action=\"" + action + "\" state=\"ok\"/>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stylesheetThatDoesNotCompileIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> catalog.forFormat("broken-xml"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.file()).isEqualTo("formats/broken-xml/to-contract.xsl");
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.getMessage()).startsWith("formats/broken-xml/to-contract.xsl line 8")
                            .contains("no-such-function");
                });
    }

    @Test
    void unreadableFormatJsonIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> catalog.forFormat("bad-descriptor-json"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.file()).isEqualTo("formats/bad-descriptor-json/format.json");
                    assertThat(e.line()).isEqualTo(5);
                });
    }

    @Test
    void stylesheetCannotIncludeOtherFiles() {
        Map<String, byte[]> files = new HashMap<>();
        FormatSource probeFiles = FormatSource.classpath("");
        for (String file : List.of("format.json", "from-contract.xsl")) {
            files.put("formats/probe-xml/" + file, probeFiles.read("formats/probe-xml/" + file).orElseThrow());
        }
        files.put("formats/probe-xml/to-contract.xsl", ("<xsl:stylesheet version=\"3.0\" "
                + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                + "  <xsl:include href=\"file:///etc/passwd\"/>\n</xsl:stylesheet>").getBytes(StandardCharsets.UTF_8));
        AdapterCatalog including = AdapterCatalog.discover(path -> Optional.ofNullable(files.get(path)));

        assertThatThrownBy(() -> including.forFormat("probe-xml"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.file()).isEqualTo("formats/probe-xml/to-contract.xsl");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void translatesWithCodeTablesBothWays() {
        ExchangeMessage status = probe.toContract(probe("status"));

        assertThat(status.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(new String(probe.toNative(status), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><probe id=\"P-1\" action=\"status\" state=\"ok\"/>");
    }

    @Test
    void codeWithoutMatchRejectsTheMessageNamingTableAndValue() {
        byte[] unknownState = "<probe id=\"P-2\" action=\"status\" state=\"maybe\"/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> probe.toContract(unknownState))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("P-2");
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                        assertThat(v.reason()).isEqualTo(
                                "[probe-xml to-contract.xsl] Code table state has no native code 'maybe'.");
                    });
                });
    }

    @Test
    void terminatingMessageRejectsWithItsText() {
        assertThatThrownBy(() -> probe.toContract(probe("terminate")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, "/",
                                "[probe-xml to-contract.xsl] The probe asked to stop.")));
    }

    @Test
    void messageTypeTheFormatDoesNotCarryIsRejectedInbound() {
        assertThatThrownBy(() -> probe.toContract(probe("complaint")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE,
                                "/ExchangeMessage/Envelope/MessageType",
                                "Format probe-xml does not carry COMPLAINT messages.")));
    }

    @Test
    void messageTypeTheFormatDoesNotCarryIsRefusedOutbound() {
        ExchangeMessage complaint = ContractCodec.standard().read(Samples.bytes("contract/complaint.xml"));

        assertThatThrownBy(() -> probe.toNative(complaint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Format probe-xml does not carry COMPLAINT messages");
    }

    @Test
    void typeDeclaredBothCarriedAndNotCarriedIsTheFormatsFault() {
        FormatSource probeFiles = FormatSource.classpath("");
        byte[] contradiction = ("{\"format\": \"probe-xml\", \"nativeKind\": \"xml\","
                + " \"mediaType\": \"application/xml\", \"messageTypes\": [\"STATUS_UPDATE\"],"
                + " \"notCarried\": {\"STATUS_UPDATE\": \"no feedback\"}}").getBytes(StandardCharsets.UTF_8);
        AdapterCatalog contradicting = AdapterCatalog.discover(path -> path.endsWith("format.json")
                ? Optional.of(contradiction) : probeFiles.read(path));

        assertThatThrownBy(() -> contradicting.forFormat("probe-xml"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.file()).isEqualTo("formats/probe-xml/format.json");
                    assertThat(e.getMessage())
                            .contains("\"notCarried\": STATUS_UPDATE is also listed in \"messageTypes\"");
                });
    }

    @Test
    void stylesheetCannotReadFiles() {
        assertThatThrownBy(() -> probe.toContract(probe("read-file")))
                .isInstanceOf(UntranslatableMessageException.class)
                .hasMessageContaining("A format's stylesheets may read only the message they are given, "
                        + "not file:///etc/hostname");
    }

    @Test
    void stylesheetCannotWriteFiles() {
        assertThatThrownBy(() -> probe.toContract(probe("write-file")))
                .isInstanceOf(UntranslatableMessageException.class)
                .hasMessageContaining("A format's stylesheets may not write result documents");
        assertThat(Path.of("/tmp/probe-written.xml")).doesNotExist();
    }

    @Test
    void missingCodeTableIsTheFormatsFault() {
        assertThatThrownBy(() -> probe.toContract(probe("missing-table")))
                .isInstanceOfSatisfying(MappingException.class, e ->
                        assertThat(e.file()).isEqualTo("formats/probe-xml/codes/no-such-table.csv"));
    }

    @Test
    void doctypeIsRefusedBeforeTheStylesheetSeesTheMessage() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE probe [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<probe id=\"&e;\" action=\"status\" state=\"ok\"/>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> probe.toContract(xxe))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).isEmpty();
                    assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
                });
    }
}
