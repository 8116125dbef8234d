package cn.consumerexchange.gateway.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.RejectionError;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.transfer.IntakeResult;

/** Splits a batch file into cases and writes the result file that answers it line by line. */
@Component
public class BatchFiles {

    /** Exchange property: the line of the batch file being received; a property, as the intake clears headers. */
    static final String LINE = "exchangeBatchLine";
    static final String RESULT_HEADER = "line,message_id,result,gateway_ref,error_codes,reasons";

    /**
     * One case of a batch file: the header line and one data line, which is what a CSV adapter reads.
     *
     * @param line the data line's number in the file, counting the header as line 1
     */
    public record BatchCase(int line, byte[] nativeCase) {
    }

    /** How one line was answered. */
    public record LineResult(int line, String messageId, boolean accepted, String gatewayRef, String errorCodes,
            String reasons) {
    }

    /** The cases of a batch file; blank lines are skipped. Quoted fields may hold commas but not line breaks. */
    public List<BatchCase> cases(byte[] file) {
        String[] lines = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n");
        List<BatchCase> cases = new ArrayList<>();
        String header = lines.length == 0 ? "" : stripBom(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                cases.add(new BatchCase(i + 1, (header + "\n" + lines[i] + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    public LineResult lineResult(@ExchangeProperty(LINE) int line,
            @ExchangeProperty(Endpoints.INTAKE_RESULT) IntakeResult result) {
        ExchangeMessage answer = result.answer();
        if (result.accepted()) {
            return new LineResult(line, answer.getAcknowledgement().getAnswersMessageId(), true,
                    answer.getAcknowledgement().getGatewayReference(), "", "");
        }
        List<RejectionError> errors = answer.getRejection().getError();
        return new LineResult(line, answer.getRejection().getAnswersMessageId(), false, "",
                errors.stream().map(e -> e.getCode().name()).collect(Collectors.joining("|")),
                errors.stream().map(e -> e.getPath() + ": " + e.getReason()).collect(Collectors.joining("; ")));
    }

    public byte[] resultFile(List<LineResult> results) {
        StringBuilder csv = new StringBuilder(RESULT_HEADER).append('\n');
        for (LineResult result : results) {
            csv.append(result.line()).append(',')
                    .append(quoted(result.messageId())).append(',')
                    .append(result.accepted() ? "ACCEPTED" : "REJECTED").append(',')
                    .append(quoted(result.gatewayRef())).append(',')
                    .append(quoted(result.errorCodes())).append(',')
                    .append(quoted(result.reasons())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return value == null || value.isEmpty() ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
