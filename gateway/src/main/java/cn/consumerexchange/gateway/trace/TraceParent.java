package cn.consumerexchange.gateway.trace;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} (调用链标识): {@code 00-<trace id>-<parent id>-<flags>}. The trace id names a
 * message's whole journey across systems; each hop gets a span id of its own under it.
 *
 * <p>The gateway keeps the trace explicit rather than in a tracer's thread-bound context: a message is delivered later,
 * from the ledger, on another thread or another instance, so the trace id travels as a ledger column and a message
 * header, which costs one column and one header per hop.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId  16 lowercase hex digits, not all zero: the hop that sends this value
 * @param flags   2 hex digits; {@code 01} sampled
 */
public record TraceParent(String traceId, String spanId, String flags) {

    /** The header (HTTP) or message property (JMS, AMQP) the trace travels in. */
    public static final String HEADER = "traceparent";
    /** The MDC key the gateway's log lines show the trace id under. */
    public static final String MDC_KEY = "traceId";

    private static final String NOT_SAMPLED = "00";
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    /**
     * Reads a partner's {@code traceparent}. Version {@code 00} must be exactly that long; a later version may append
     * fields, which are ignored; {@code ff} is invalid.
     *
     * @return empty when the value is absent or invalid: the message then starts a trace of its own, it is never
     *         refused for it
     */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String header = value.trim();
        if (header.length() < 55 || header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
            return Optional.empty();
        }
        String version = header.substring(0, 2);
        String traceId = header.substring(3, 35);
        String spanId = header.substring(36, 52);
        String flags = header.substring(53, 55);
        boolean lengthFits = version.equals("00") ? header.length() == 55
                : header.length() == 55 || header.charAt(55) == '-';
        if (!lengthFits || !hex(version) || version.equals("ff") || !hex(traceId) || traceId.equals(ZERO_TRACE)
                || !hex(spanId) || spanId.equals(ZERO_SPAN) || !hex(flags)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, flags));
    }

    /** The partner's trace when it sent a valid one, else a new one. */
    public static TraceParent continueOrStart(String value) {
        return parse(value).orElseGet(TraceParent::start);
    }

    /**
     * A new trace, not sampled: the gateway exports no spans on its own. Its id begins with the second it started (8 hex
     * digits of the Unix time) and ends with 24 random ones, so that the ledger's index of trace ids takes new ones near
     * its end rather than at a random place, each a page written again; 96 random bits keep ids apart. The id does not
     * claim the {@code random} flag of Trace Context level 2, which would ask for random leading bytes as well.
     */
    public static TraceParent start() {
        String second = Long.toHexString(System.currentTimeMillis() / 1000);
        return new TraceParent("0".repeat(8 - second.length()) + second + randomHex(24), newSpanId(), NOT_SAMPLED);
    }

    /** A hop of a trace known only by its id, as the ledger keeps it; a new trace when the id is missing. */
    public static TraceParent ofTraceId(String traceId) {
        return traceId == null || traceId.length() != 32 || !hex(traceId) || traceId.equals(ZERO_TRACE)
                ? start()
                : new TraceParent(traceId, newSpanId(), NOT_SAMPLED);
    }

    /** The next hop: the same trace, a new span, the same flags. */
    public TraceParent nextHop() {
        return new TraceParent(traceId, newSpanId(), flags);
    }

    /** As the {@code traceparent} header carries it. */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static boolean hex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String newSpanId() {
        String spanId;
        do {
            spanId = randomHex(16);
        } while (spanId.equals(ZERO_SPAN));
        return spanId;
    }

    private static String randomHex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder hex = new StringBuilder(digits + 16);
        while (hex.length() < digits) {
            String part = Long.toHexString(random.nextLong());
            hex.append("0".repeat(16 - part.length())).append(part);
        }
        return hex.substring(0, digits);
    }
}
