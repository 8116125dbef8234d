package cn.consumerexchange.adapter;

/**
 * A declarative format is broken: a stylesheet does not compile, {@code format.json} is unreadable or incomplete, a
 * code table is malformed. The fault is in the format's files, not in any message, so it names the file and where in
 * it.
 */
public class MappingException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file   the file at fault, as the {@link FormatSource} names it, e.g. {@code formats/acme-xml/to-contract.xsl}
     * @param line   1-based, or -1 when unknown
     * @param column 1-based, or -1 when unknown
     * @param reason what is wrong, for people
     */
    public MappingException(String file, int line, int column, String reason) {
        super(file + (line > 0 ? " line " + line + (column > 0 ? ", column " + column : "") : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public MappingException(String file, String reason) {
        this(file, -1, -1, reason);
    }

    public String file() {
        return file;
    }

    /** 1-based, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based, or -1 when unknown. */
    public int column() {
        return column;
    }
}
