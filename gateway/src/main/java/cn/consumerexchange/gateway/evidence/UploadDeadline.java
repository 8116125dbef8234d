package cn.consumerexchange.gateway.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.consumerexchange.contract.ErrorCode;

/**
 * An upload's body that must arrive by a deadline. Tomcat's timeouts only bound the wait for each next byte, which a
 * client trickling a byte a second never reaches; the intake's own deadline (web.BodyDeadlineRequest) is sized for a
 * 1 MiB message, not for a video, so uploads get one that grows with their size.
 */
final class UploadDeadline extends FilterInputStream {

    private final Clock clock;
    private final Duration allowed;
    private final Instant deadline;
    private long received;

    UploadDeadline(InputStream in, Clock clock, Duration allowed) {
        super(in);
        this.clock = clock;
        this.allowed = allowed;
        this.deadline = clock.instant().plus(allowed);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (clock.instant().isAfter(deadline)) {
            throw new EvidenceRefusedException(ErrorCode.EVIDENCE_INCOMPLETE, "The upload did not arrive within "
                    + allowed.toSeconds() + " s; " + received + " bytes had arrived", received);
        }
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            received += read;
        }
        return read;
    }
}
