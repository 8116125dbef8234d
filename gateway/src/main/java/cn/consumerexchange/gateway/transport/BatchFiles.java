package cn.consumerexchange.gateway.transport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.RejectionError;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.transfer.IntakeResult;
import cn.consumerexchange.gateway.transfer.Sha256;

/** Reads a batch file into its cases and writes the result file that answers it line by line. */
@Component
public class BatchFiles {

    /** Exchange property: the {@link BatchAnswer} of the file being received. */
    static final String ANSWER = "exchangeBatchAnswer";
    /** Exchange property: the line of the batch file being received; a property, as the intake clears headers. */
    static final String LINE = "exchangeBatchLine";
    /** Exchange property: the path of the batch file being received, which the answer's writing does not change. */
    static final String FILE = "exchangeBatchFile";

    private static final Logger log = LoggerFactory.getLogger(BatchFiles.class);
    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");
    private static final String EXTENSION = ".csv";

    private final Clock clock;
    private final long maxFileBytes;

    public BatchFiles(Clock clock, ExchangeProperties properties) {
        this.clock = clock;
        this.maxFileBytes = properties.maxBatchFileBytes();
    }

    /** The file's cases, or, when it is over the limit, its answer without reading it into memory. */
    public BatchAnswer receive(@Header(Exchange.FILE_NAME_ONLY) String name, @Body File file) throws IOException {
        Path path = file.toPath();
        long size = Files.size(path);
        String storedPrefix = name.substring(0, name.length() - EXTENSION.length()) + "."
                + LocalDateTime.now(clock).format(RECEIVED_AT) + "-";
        if (size > maxFileBytes) {
            log.warn("Batch file {} has {} bytes, over the limit of {}; rejected unread", name, size, maxFileBytes);
            return BatchAnswer.tooLarge(storedPrefix + hashPrefix(streamedSha256(path)), size, maxFileBytes);
        }
        byte[] content = Files.readAllBytes(path);
        List<BatchCase> cases = BatchLines.cases(content);
        Path signatures = signatureFile(path);
        if (Files.isRegularFile(signatures) && Files.size(signatures) <= maxFileBytes) {
            cases = BatchSignatures.apply(cases, Files.readAllBytes(signatures));
        }
        return BatchAnswer.of(storedPrefix + hashPrefix(Sha256.newDigest().digest(content)), cases);
    }

    /** Moves the file's signature file, if it has one, beside the file where it is kept ({@code .done/}). */
    public void keepSignatureFile(@ExchangeProperty(FILE) String file,
            @ExchangeProperty(ANSWER) BatchAnswer answer) throws IOException {
        Path path = Path.of(file);
        Path signatures = signatureFile(path);
        if (Files.isRegularFile(signatures)) {
            Path kept = path.resolveSibling(answer.getMovedName() + BatchSignatures.EXTENSION);
            Files.createDirectories(kept.getParent());
            Files.move(signatures, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path signatureFile(Path file) {
        return file.resolveSibling(file.getFileName() + BatchSignatures.EXTENSION);
    }

    /** Adds how the intake answered the current line to the file's answer. */
    public void answered(@ExchangeProperty(ANSWER) BatchAnswer answer, @ExchangeProperty(LINE) int line,
            @ExchangeProperty(Endpoints.INTAKE_RESULT) IntakeResult result) {
        answer.add(lineResult(line, result));
    }

    static ResultLine lineResult(int line, IntakeResult result) {
        ExchangeMessage answer = result.answer();
        if (result.accepted()) {
            // The acknowledgement's case references: its own case, then a linked report case (举报) if one was opened.
            return ResultLine.accepted(line, answer.getAcknowledgement().getAnswersMessageId(),
                    String.join("|", answer.getEnvelope().getCaseRef()));
        }
        List<RejectionError> errors = answer.getRejection().getError();
        return ResultLine.rejected(line, answer.getRejection().getAnswersMessageId(),
                errors.stream().map(e -> e.getCode().name()).collect(Collectors.joining("|")),
                errors.stream().map(e -> e.getPath() + ": " + e.getReason()).collect(Collectors.joining("; ")));
    }

    public byte[] resultFile(@ExchangeProperty(ANSWER) BatchAnswer answer) {
        return ResultCsv.write(answer.lines());
    }

    private static byte[] streamedSha256(Path file) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha256.digest();
    }

    private static String hashPrefix(byte[] sha256) {
        return HexFormat.of().formatHex(sha256, 0, 4);
    }
}
