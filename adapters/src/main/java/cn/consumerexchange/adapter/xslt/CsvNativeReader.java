package cn.consumerexchange.adapter.xslt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.adapter.support.NativeText;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.XmlCharacters;

/**
 * Reads csv-kind messages: one record (quoted fields may hold separators, quotes and line breaks), after an optional
 * header line. The stylesheet sees {@code <record><field name="column">value</field>…</record>}, with the header's
 * names when there is one and the format's configured columns otherwise; a line without a header that has one of the
 * format's earlier column counts holds the first that many columns, the later ones being absent. Broken quoting, more
 * than one line of data and a wrong number of fields are {@link ErrorCode#MALFORMED_CSV}; a cell holding a character
 * XML cannot carry is {@link ErrorCode#ILLEGAL_CHARACTER} at {@code /record/<column>}.
 */
final class CsvNativeReader implements NativeReader {

    private static final String PATH = "/record";
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    /**
     * Most entries a cell may list, joined with {@code |}: far more than any case has items, few enough that a 1 MiB
     * line of separators is refused here instead of costing the stylesheet seconds to split.
     */
    static final int MAX_LIST_ENTRIES = 1_000;

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
        List<CSVRecord> records = records(NativeText.decode(nativeMessage, PATH));
        boolean hasHeader = !records.isEmpty() && layout.columns().containsAll(records.get(0).toList());
        List<CSVRecord> data = records.subList(hasHeader ? 1 : 0, records.size());
        if (data.size() != 1) {
            throw malformed(PATH, "A message is one line of data after an optional header; found " + data.size()
                    + ".");
        }
        CSVRecord record = data.get(0);
        List<String> columns = hasHeader ? records.get(0).toList() : layout.columnsOfLine(record.size());
        if (record.size() != columns.size()) {
            throw malformed(PATH, "Line " + (hasHeader ? 2 : 1) + " has " + record.size() + " fields; expected "
                    + (hasHeader ? columns.size() + ": " + String.join(",", columns) : layout.expectedFields()) + ".");
        }
        List<String> values = record.toList();
        for (int i = 0; i < columns.size(); i++) {
            if (XmlCharacters.firstIllegal(values.get(i)) >= 0) {
                throw new UntranslatableMessageException(null, ErrorCode.ILLEGAL_CHARACTER,
                        PATH + "/" + columns.get(i), XmlCharacters.REASON);
            }
            if (entries(values.get(i)) > MAX_LIST_ENTRIES) {
                throw new UntranslatableMessageException(null, ErrorCode.DOCUMENT_TOO_LARGE,
                        PATH + "/" + columns.get(i), "A cell lists at most " + MAX_LIST_ENTRIES
                                + " entries joined with |.");
            }
        }
        return toXml(columns, values);
    }

    private static long entries(String cell) {
        return cell.chars().filter(c -> c == '|').count() + 1;
    }

    /** Commons CSV's messages quote the content; only the line it names is kept. */
    private List<CSVRecord> records(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Matcher line = LINE.matcher(String.valueOf(e.getMessage()));
            throw malformed(PATH, "Not valid CSV" + (line.find() ? " at line " + line.group(1) : "")
                    + ": a quoted field is not closed, or characters follow its closing quote.");
        }
    }

    private static UntranslatableMessageException malformed(String path, String reason) {
        return new UntranslatableMessageException(null, ErrorCode.MALFORMED_CSV, path, reason);
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
