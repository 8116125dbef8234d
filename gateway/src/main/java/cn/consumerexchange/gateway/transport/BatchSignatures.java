package cn.consumerexchange.gateway.transport;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signature file of a batch file (签名文件): {@code <file>.jws} beside {@code <file>}, written before it, with one
 * line {@code <line number>,<detached JWS>} per signed case. Each JWS signs that case as a one-case CSV document: the
 * header line and the data line, each ending in LF, exactly the bytes the gateway reads as the case, keeps in its
 * ledger and gives the receiver as the signed original. A case is signed on its own, not the file as a whole, because
 * the cases of one file go to different authorities, and none may be given the others' cases to check a signature.
 */
final class BatchSignatures {

    static final String EXTENSION = ".jws";

    private BatchSignatures() {
    }

    /** The cases, each with the signature its line number has in the signature file; a line it lacks is unsigned. */
    static List<BatchCase> apply(List<BatchCase> cases, byte[] signatureFile) {
        Map<Integer, String> byLine = new HashMap<>();
        for (String line : new String(signatureFile, StandardCharsets.US_ASCII).split("\r?\n")) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                try {
                    byLine.putIfAbsent(Integer.parseInt(line.substring(0, comma).trim()),
                            line.substring(comma + 1).trim());
                } catch (NumberFormatException notALineNumber) {
                    // Not a signature line: its case stays unsigned and is delivered as such.
                }
            }
        }
        return cases.stream().map(c -> byLine.containsKey(c.line()) ? c.signedWith(byLine.get(c.line())) : c)
                .toList();
    }
}
