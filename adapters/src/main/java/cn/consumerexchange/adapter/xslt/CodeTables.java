package cn.consumerexchange.adapter.xslt;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.adapter.MappingException;

/**
 * The code tables of one declarative format, read from {@code formats/<format>/codes/} when a stylesheet first asks
 * for one, then kept. Thread-safe.
 */
final class CodeTables {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final FormatSource source;
    private final String directory;
    private final ConcurrentMap<String, CodeTable> tables = new ConcurrentHashMap<>();

    CodeTables(FormatSource source, String format) {
        this.source = source;
        this.directory = "formats/" + format + "/codes/";
    }

    /**
     * @throws MappingException when the table does not exist or is malformed: the stylesheet or its table is at
     *                          fault, not the message
     */
    CodeTable table(String name) {
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new MappingException(directory, "'" + name + "' is not a code table name");
        }
        return tables.computeIfAbsent(name, this::load);
    }

    private CodeTable load(String name) {
        String file = directory + name + ".csv";
        return CodeTable.parse(file, source.read(file)
                .orElseThrow(() -> new MappingException(file, "the code table does not exist")));
    }
}
