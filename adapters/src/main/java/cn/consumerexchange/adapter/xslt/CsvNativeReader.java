package cn.consumerexchange.adapter.xslt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;

/**
 * Reads csv-kind messages: one record (quoted fields may hold separators, quotes and line breaks), after an optional
 * header line. The stylesheet sees {@code <record><field name="column">value</field>…</record>}, with the header's
 * names when there is one and the format's configured columns otherwise.
 */
final class CsvNativeReader implements NativeReader {

    private static final String PATH = "/record";

    private final Processor processor;
    private final CsvLayout layout;
    private final CSVFormat format;

    CsvNativeReader(Processor processor, CsvLayout layout) {
        this.processor = processor;
        this.layout = layout;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(layout.separator()).setIgnoreEmptyLines(true).get();
    }

    @Override
    public XdmNode read(byte[] nativeMessage) {
        if (nativeMessage.length > ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES) {
            throw new UntranslatableMessageException(null, PATH, "The message has " + nativeMessage.length
                    + " bytes; at most " + ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES + " are accepted.");
        }
        List<CSVRecord> records = records(NativeText.decode(nativeMessage, PATH));
        boolean hasHeader = !records.isEmpty() && layout.columns().containsAll(records.get(0).toList());
        List<String> columns = hasHeader ? records.get(0).toList() : layout.columns();
        List<CSVRecord> data = records.subList(hasHeader ? 1 : 0, records.size());
        if (data.size() != 1) {
            throw new UntranslatableMessageException(null, PATH, "A message is one line of data after an optional "
                    + "header; found " + data.size() + ".");
        }
        CSVRecord record = data.get(0);
        if (record.size() != columns.size()) {
            throw new UntranslatableMessageException(null, PATH, "Line " + (hasHeader ? 2 : 1) + " has "
                    + record.size() + " fields; expected " + columns.size() + ": " + String.join(",", columns));
        }
        return toXml(columns, record.toList());
    }

    private List<CSVRecord> records(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UntranslatableMessageException(null, PATH, "Not valid CSV: " + e.getMessage());
        }
    }

    private XdmNode toXml(List<String> columns, List<String> values) {
        try {
            BuildingStreamWriter writer = processor.newDocumentBuilder().newBuildingStreamWriter();
            writer.writeStartDocument();
            writer.writeStartElement("record");
            for (int i = 0; i < columns.size(); i++) {
                writer.writeStartElement("field");
                writer.writeAttribute("name", columns.get(i));
                writer.writeCharacters(values.get(i));
                writer.writeEndElement();
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            return writer.getDocumentNode();
        } catch (XMLStreamException | SaxonApiException e) {
            throw new IllegalStateException("cannot build the record of a CSV message", e);
        }
    }
}
