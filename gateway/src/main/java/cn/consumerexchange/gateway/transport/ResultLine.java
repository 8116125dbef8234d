package cn.consumerexchange.gateway.transport;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a result file: how one data line of the batch file was answered, or, with an empty line number, what
 * became of the file as a whole (it held no cases, or it was too large to read).
 *
 * @param result {@code ACCEPTED}, {@code REJECTED} or {@code NO_CASES}
 */
public record ResultLine(String line, String messageId, String result, String gatewayRef, String errorCodes,
        String reasons) {

    static ResultLine accepted(int line, String messageId, String gatewayRef) {
        return new ResultLine(Integer.toString(line), messageId, "ACCEPTED", gatewayRef, "", "");
    }

    static ResultLine rejected(int line, String messageId, String errorCodes, String reasons) {
        return new ResultLine(Integer.toString(line), messageId, "REJECTED", "", errorCodes, reasons);
    }

    /** The answer to an empty or header-only file, which is not an error: there was nothing to receive. */
    static ResultLine noCases() {
        return new ResultLine("", "", "NO_CASES", "", "", "The file holds no cases");
    }

    static ResultLine fileTooLarge(long size, long limit) {
        return new ResultLine("", "", "REJECTED", "", "DOCUMENT_TOO_LARGE",
                "The file has " + size + " bytes; the limit is " + limit);
    }

    List<String> cells() {
        return Arrays.asList(line, messageId, result, gatewayRef, errorCodes, reasons);
    }
}
