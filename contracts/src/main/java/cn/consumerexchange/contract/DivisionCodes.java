package cn.consumerexchange.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Administrative division codes (行政区划代码), GB/T 2260: provinces, prefectures and counties, plus Hong Kong
 * (810000) and Macao (820000). Immutable and thread-safe once loaded.
 */
public final class DivisionCodes {

    /** Where the project's table lives on the classpath (packaged from {@code seeds/}). */
    public static final String CLASSPATH_TABLE = "/seeds/divisions/gbt2260.csv";

    private static final String HEADER = "code,name,parent";
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    /**
     * One division.
     *
     * @param parentCode the enclosing division, or {@code null} for a province-level division
     */
    public record Division(String code, String name, String parentCode) {
    }

    private final Map<String, Division> byCode;

    private DivisionCodes(Map<String, Division> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** Loads the project's table, {@value #CLASSPATH_TABLE}. */
    public static DivisionCodes fromClasspath() {
        try (InputStream in = DivisionCodes.class.getResourceAsStream(CLASSPATH_TABLE)) {
            if (in == null) {
                throw new IllegalStateException("division table not on the classpath: " + CLASSPATH_TABLE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a UTF-8 CSV with the header {@code code,name,parent}. Does not close {@code csv}.
     *
     * @throws IllegalArgumentException if the header, a code or a row's shape is wrong
     */
    public static DivisionCodes load(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !HEADER.equals(stripByteOrderMark(header).strip())) {
            throw new IllegalArgumentException("expected the header '" + HEADER + "' but found: " + header);
        }
        Map<String, Division> byCode = new HashMap<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                Division division = parse(line, lineNumber);
                byCode.put(division.code(), division);
            }
        }
        return new DivisionCodes(byCode);
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /**
     * The province-level code of any 6-digit code (its first two digits + "0000"), known or not.
     *
     * @throws IllegalArgumentException if {@code code} is not 6 digits
     */
    public String provinceOf(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a division code has 6 digits: " + code);
        }
        return code.substring(0, 2) + "0000";
    }

    /** Number of divisions in the table. */
    public int size() {
        return byCode.size();
    }

    private static Division parse(String line, int lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected code,name,parent: " + line);
        }
        String code = fields[0].strip();
        String parent = fields[2].strip();
        if (!CODE.matcher(code).matches() || !(parent.isEmpty() || CODE.matcher(parent).matches())) {
            throw new IllegalArgumentException("line " + lineNumber + ": codes have 6 digits: " + line);
        }
        return new Division(code, fields[1].strip(), parent.isEmpty() ? null : parent);
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
