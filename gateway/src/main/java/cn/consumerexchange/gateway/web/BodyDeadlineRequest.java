package cn.consumerexchange.gateway.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body must be read by a deadline: a read after it fails with {@link BodyDeadlineExceeded}. Tomcat's
 * own timeouts only limit the wait for each next byte, which a client sending one byte a second never reaches.
 */
final class BodyDeadlineRequest extends HttpServletRequestWrapper {

    private final Clock clock;
    private final Instant deadline;
    private ServletInputStream body;

    BodyDeadlineRequest(HttpServletRequest request, Clock clock, Instant deadline) {
        super(request);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new DeadlineStream(super.getInputStream());
        }
        return body;
    }

    /** The body was not received by the deadline. */
    static final class BodyDeadlineExceeded extends IOException {

        BodyDeadlineExceeded(Instant deadline) {
            super("The request body was not received by " + deadline);
        }
    }

    private final class DeadlineStream extends ServletInputStream {

        private final ServletInputStream in;

        DeadlineStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            return in.read(buffer, offset, length);
        }

        private void checkDeadline() throws BodyDeadlineExceeded {
            if (clock.instant().isAfter(deadline)) {
                throw new BodyDeadlineExceeded(deadline);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
