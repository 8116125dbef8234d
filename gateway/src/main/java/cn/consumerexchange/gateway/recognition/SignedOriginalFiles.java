package cn.consumerexchange.gateway.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * The signed original and the verdict for a batch-file receiver: {@code <file>.original} (the sender's bytes as sent)
 * and {@code <file>.verdict.json} beside the delivered file. Both are written, each under a temporary name and then
 * renamed, before the file itself, so a receiver that sees the file finds them there.
 */
@Component
class SignedOriginalFiles {

    static final String ORIGINAL = ".original";
    static final String VERDICT = ".verdict.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Partner receiver, String fileName, SignedOriginal original) {
        Path directory = Path.of(receiver.outbound());
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("verdict", original.checked().verdict().outcome().name());
        verdict.put("detail", original.checked().verdict().detail());
        verdict.put("signature", original.checked().signature());
        verdict.put("original", fileName + ORIGINAL);
        verdict.put("originalMediaType", original.mediaType());
        verdict.put("originalSha256", Sha256.hex(original.bytes()));
        try {
            Files.createDirectories(directory);
            writeAtomically(directory, fileName + ORIGINAL, original.bytes());
            writeAtomically(directory, fileName + VERDICT, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(verdict).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the verdict of " + fileName, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signed original of " + fileName + " to " + directory, e);
        }
    }

    private static void writeAtomically(Path directory, String name, byte[] content) throws IOException {
        Path temporary = directory.resolve(".writing-" + name);
        Files.write(temporary, content);
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
