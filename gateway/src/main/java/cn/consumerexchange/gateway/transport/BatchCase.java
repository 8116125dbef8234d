package cn.consumerexchange.gateway.transport;

/**
 * One case of a batch file: the header line and one data line, each ending in {@code \n}, which is what a CSV adapter
 * reads.
 *
 * @param line       the data line's number in the file, counting the header as line 1
 * @param nativeCase the header's and the line's bytes as the partner wrote them
 * @param signature  the detached JWS the partner's signature file gives for this line, or null
 */
public record BatchCase(int line, byte[] nativeCase, String signature) {

    BatchCase(int line, byte[] nativeCase) {
        this(line, nativeCase, null);
    }

    BatchCase signedWith(String jws) {
        return new BatchCase(line, nativeCase, jws);
    }
}
