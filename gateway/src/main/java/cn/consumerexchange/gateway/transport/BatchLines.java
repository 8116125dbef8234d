package cn.consumerexchange.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch file into its cases on line-break bytes, not on decoded text, so a line that is not valid UTF-8
 * reaches the adapter as it was written and is refused there rather than altered here. A line ends with LF or CRLF,
 * which is cut off; a byte order mark before the header is dropped; blank lines are skipped. Quoted fields may hold
 * commas but not line breaks: a line break always ends a case.
 */
final class BatchLines {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private BatchLines() {
    }

    /** The cases of a file, in order; none for an empty or header-only file. */
    static List<BatchCase> cases(byte[] file) {
        int headerStart = startsWithByteOrderMark(file) ? BYTE_ORDER_MARK.length : 0;
        int headerEnd = endOfLine(file, headerStart);
        List<BatchCase> cases = new ArrayList<>();
        int number = 1;
        for (int start = headerEnd + 1; start < file.length; start = endOfLine(file, start) + 1) {
            number++;
            int end = endOfLine(file, start);
            if (!isBlank(file, start, withoutCarriageReturn(file, start, end))) {
                cases.add(new BatchCase(number, join(file, headerStart, withoutCarriageReturn(file, headerStart,
                        headerEnd), start, withoutCarriageReturn(file, start, end))));
            }
        }
        return cases;
    }

    /** The index of the line feed ending the line that starts at {@code start}, or the file's length. */
    private static int endOfLine(byte[] file, int start) {
        int i = start;
        while (i < file.length && file[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int withoutCarriageReturn(byte[] file, int start, int end) {
        return end > start && file[end - 1] == '\r' ? end - 1 : end;
    }

    private static boolean isBlank(byte[] file, int start, int end) {
        for (int i = start; i < end; i++) {
            if (file[i] != ' ' && file[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] join(byte[] file, int headerStart, int headerEnd, int lineStart, int lineEnd) {
        ByteArrayOutputStream nativeCase = new ByteArrayOutputStream(headerEnd - headerStart + lineEnd - lineStart + 2);
        nativeCase.write(file, headerStart, headerEnd - headerStart);
        nativeCase.write('\n');
        nativeCase.write(file, lineStart, lineEnd - lineStart);
        nativeCase.write('\n');
        return nativeCase.toByteArray();
    }

    private static boolean startsWithByteOrderMark(byte[] file) {
        return file.length >= BYTE_ORDER_MARK.length && file[0] == BYTE_ORDER_MARK[0] && file[1] == BYTE_ORDER_MARK[1]
                && file[2] == BYTE_ORDER_MARK[2];
    }
}
