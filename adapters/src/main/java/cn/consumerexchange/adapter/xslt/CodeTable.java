package cn.consumerexchange.adapter.xslt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.consumerexchange.adapter.MappingException;

/**
 * One code table of a declarative format ({@code codes/<table>.csv}): a header {@code native,contract}, then one
 * pair per line; lines starting with {@code #} are comments. A native code maps to one contract code; where several
 * native codes map to the same contract code, the first line is the one written back to the partner. Immutable.
 */
final class CodeTable {

    private static final List<String> HEADER = List.of("native", "contract");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final Map<String, String> toContract;
    private final Map<String, String> toNative;

    private CodeTable(Map<String, String> toContract, Map<String, String> toNative) {
        this.toContract = Map.copyOf(toContract);
        this.toNative = Map.copyOf(toNative);
    }

    /** @throws MappingException naming {@code file} and the line when the table is malformed */
    static CodeTable parse(String file, byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        Map<String, String> toContract = new HashMap<>();
        Map<String, String> toNative = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (record.getRecordNumber() == 1) {
                    if (!HEADER.equals(record.toList())) {
                        throw new MappingException(file, line, -1, "the header must be native,contract");
                    }
                    continue;
                }
                if (record.size() != 2 || record.get(0).isEmpty() || record.get(1).isEmpty()) {
                    throw new MappingException(file, line, -1, "expected a native and a contract code");
                }
                if (toContract.putIfAbsent(record.get(0), record.get(1)) != null) {
                    throw new MappingException(file, line, -1, "native code " + record.get(0) + " appears twice");
                }
                toNative.putIfAbsent(record.get(1), record.get(0));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MappingException(file, "not a readable CSV table: " + e.getMessage());
        }
        return new CodeTable(toContract, toNative);
    }

    Optional<String> contractCode(String nativeCode) {
        return Optional.ofNullable(toContract.get(nativeCode));
    }

    Optional<String> nativeCode(String contractCode) {
        return Optional.ofNullable(toNative.get(contractCode));
    }
}
