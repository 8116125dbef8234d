package cn.consumerexchange.gateway.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch file being answered: its cases, the result lines gathered so far, and the names the answer and the file
 * itself are kept under. The exchanges of a file's cases share this object (a split copies exchange properties by
 * reference), so each adds its own line and none is lost.
 *
 * <p>Names are unique per input file and recognisable after it: {@code <name>.<received yyyyMMdd'T'HHmmssSSS>-<first 8
 * hex of the file's SHA-256>}, the input's name without {@code .csv}. The result file adds {@code .result.csv}, and the
 * input moves to {@code .done/} (or {@code .rejected/} when it was too large to read) with {@code .csv}. Two files of
 * one name dropped one after the other are thus answered and kept side by side.
 */
public final class BatchAnswer {

    private final String storedName;
    private final String folder;
    private final List<BatchCase> cases;
    private final List<ResultLine> lines = new ArrayList<>();

    private BatchAnswer(String storedName, String folder, List<BatchCase> cases) {
        this.storedName = storedName;
        this.folder = folder;
        this.cases = cases;
    }

    static BatchAnswer of(String storedName, List<BatchCase> cases) {
        return new BatchAnswer(storedName, ".done", List.copyOf(cases));
    }

    /** A file over the limit: answered as a whole, and kept in {@code .rejected/} for operators. */
    static BatchAnswer tooLarge(String storedName, long size, long limit) {
        BatchAnswer answer = new BatchAnswer(storedName, ".rejected", List.of());
        answer.add(ResultLine.fileTooLarge(size, limit));
        return answer;
    }

    public List<BatchCase> getCases() {
        return cases;
    }

    /** Where the input file moves, relative to the inbound directory. */
    public String getMovedName() {
        return folder + "/" + storedName + ".csv";
    }

    public String getResultName() {
        return storedName + ".result.csv";
    }

    void add(ResultLine line) {
        lines.add(line);
    }

    /** The result lines; a file that held no cases gets one line saying so. */
    List<ResultLine> lines() {
        return lines.isEmpty() ? List.of(ResultLine.noCases()) : List.copyOf(lines);
    }
}
