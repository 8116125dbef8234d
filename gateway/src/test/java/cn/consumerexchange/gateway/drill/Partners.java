package cn.consumerexchange.gateway.drill;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Shenzhen and Shanghai as the drill plays them, outside the gateway's process, each as a sender and as a receiver:
 * Shenzhen on the gateway's broker over TCP, Shanghai over HTTP both ways. Shanghai's endpoint exists before the
 * gateway starts (the gateway is told its URL) and is handed in.
 */
final class Partners implements AutoCloseable {

    private final ShenzhenQueueClient shenzhen;
    private final ShenzhenOutboundReader shenzhenInbox;
    private final ShanghaiHttpClient shanghai;
    private final ShanghaiReceiver shanghaiEndpoint;

    Partners(GatewayProcess gateway, int brokerPort, String shenzhenToken, String shanghaiToken,
            ShanghaiReceiver shanghaiEndpoint) {
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + brokerPort + "?callTimeout=10000", "SZ", shenzhenToken);
        this.shenzhen = new ShenzhenQueueClient(broker);
        this.shenzhenInbox = new ShenzhenOutboundReader(broker);
        this.shanghai = new ShanghaiHttpClient(gateway.uri("/"), shanghaiToken);
        this.shanghaiEndpoint = shanghaiEndpoint;
    }

    /** Both partners send at once, each half the complaints at half the rate, until answered or timed out. */
    void send(DrillComplaints complaints, DrillSettings settings, AtomicInteger offered) throws Exception {
        double each = settings.rate() / 2;
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Future<?> fromShenzhen = senders.submit(() -> {
                shenzhen.send(complaints, settings.shenzhenComplaints(), each, settings.loadTimeout(), offered);
                return null;
            });
            Future<?> fromShanghai = senders.submit(() -> {
                shanghai.send(complaints, settings.shanghaiComplaints(), each, settings.loadTimeout(), offered);
                return null;
            });
            fromShenzhen.get();
            fromShanghai.get();
        } finally {
            senders.shutdownNow();
        }
        if (shanghai.refusal() != null) {
            throw new IllegalStateException("the gateway refused Shanghai's intake: " + shanghai.refusal());
        }
    }

    /** Acknowledged complaints their receiver does not have (yet). */
    long undelivered() {
        return undelivered(shenzhen.answers(), shanghaiEndpoint.log())
                + undelivered(shanghai.answers(), shenzhenInbox.log());
    }

    /** The gateway references of every acknowledged complaint. */
    Set<String> acknowledgedCases() {
        Set<String> cases = new TreeSet<>(shenzhen.answers().accepted().values());
        cases.addAll(shanghai.answers().accepted().values());
        cases.remove("");
        return cases;
    }

    String progress() {
        return String.format(Locale.ROOT, "accepted SZ %d, SH %d; delivered to SH %d, to SZ %d",
                shenzhen.answers().accepted().size(), shanghai.answers().accepted().size(),
                shanghaiEndpoint.log().messageIds().size(), shenzhenInbox.log().messageIds().size());
    }

    /** Each direction reconciled at its receiver. */
    List<FlowFigures> reconcile(DrillSettings settings) {
        return List.of(
                FlowFigures.reconcile("SZ->SH jms>http", settings.shenzhenComplaints(), shenzhen.answers(),
                        shenzhen.unanswered(), shenzhen.resends(), shanghaiEndpoint.log()),
                FlowFigures.reconcile("SH->SZ http>jms", settings.shanghaiComplaints(), shanghai.answers(),
                        shanghai.unanswered(), shanghai.resends(), shenzhenInbox.log()));
    }

    @Override
    public void close() throws InterruptedException {
        shenzhen.close();
        shenzhenInbox.close();
    }

    private static long undelivered(Acknowledgements answers, DeliveryLog received) {
        Map<String, String> accepted = answers.accepted();
        return accepted.keySet().stream().filter(id -> !received.contains(id)).count();
    }
}
