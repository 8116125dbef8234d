package cn.consumerexchange.gateway.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The attack of issue 7: many connections that send a request slowly, one byte every two seconds, on plain sockets.
 * A connection the gateway closes is opened again at the next tick, as an attacker would, so the pressure stays on
 * for as long as the clients run.
 */
final class SlowClients implements AutoCloseable {

    private static final long TICK_MILLIS = 2_000;

    private final int port;
    private final byte[] head;
    private final int sentAtOnce;
    private final List<Slot> slots = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    /**
     * @param head       the request line and headers, ending with the empty line; the body that follows is endless
     * @param sentAtOnce how many bytes of the head each connection sends when it opens; the rest is trickled too
     */
    private SlowClients(int port, String head, int sentAtOnce, int connections) {
        this.port = port;
        this.head = head.getBytes(StandardCharsets.US_ASCII);
        this.sentAtOnce = sentAtOnce;
        for (int i = 0; i < connections; i++) {
            Slot slot = new Slot();
            slot.open();
            slots.add(slot);
        }
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Each connection sends the whole head at once, then trickles the body. */
    static SlowClients tricklingBodies(int port, String head, int connections) {
        return new SlowClients(port, head, head.length(), connections);
    }

    /** Each connection trickles the head itself, from its first byte. */
    static SlowClients tricklingHeaders(int port, String head, int connections) {
        return new SlowClients(port, head, 1, connections);
    }

    private void tick() {
        for (Slot slot : slots) {
            try {
                slot.sendNextByte();
            } catch (IOException closedByGateway) {
                slot.reopen();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        slots.forEach(Slot::close);
    }

    private final class Slot {

        private Socket socket;
        private OutputStream out;
        private int sent;

        void open() {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                out = socket.getOutputStream();
                out.write(head, 0, sentAtOnce);
                out.flush();
                sent = sentAtOnce;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void reopen() {
            close();
            try {
                open();
            } catch (UncheckedIOException refused) {
                // Tried again at the next tick.
            }
        }

        void sendNextByte() throws IOException {
            if (socket.isClosed()) {
                throw new IOException("not open");
            }
            out.write(sent < head.length ? head[sent] : 'x');
            out.flush();
            sent++;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do.
            }
        }
    }
}
