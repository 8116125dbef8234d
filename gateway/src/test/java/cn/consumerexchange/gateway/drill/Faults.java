package cn.consumerexchange.gateway.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What goes wrong during a drill, at random moments of the load: the gateway is killed with SIGKILL and started
 * again, {@code kills} times; a standalone broker, if the drill has one, is killed with SIGKILL once and started again
 * on its journal; and Shanghai's endpoint goes down for the outage (connections refused for the first half, 503 for
 * the second) and comes back. The kills take turns, each restart awaited before the next kill. Moments are fractions of the complaints offered, so they fall within the load
 * however fast or slow it goes; the random generator is seeded from the settings, so a run can be repeated.
 */
final class Faults {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** A kill planned at a fraction of the complaints offered: of the broker, or of the gateway. */
    private record Kill(double at, boolean ofBroker) {
    }

    private final DrillSettings settings;
    private final GatewayProcess gateway;
    private final Optional<StandaloneBroker> broker;
    private final ShanghaiReceiver shanghai;
    private final AtomicInteger offered;
    private final Consumer<String> events;
    private final Random random;
    private final List<Kill> killAt = new ArrayList<>();
    private final double outageAt;
    private final CountDownLatch done = new CountDownLatch(2);
    private volatile boolean loadOver;
    private volatile int kills;
    private volatile int brokerKills;
    private volatile RuntimeException failure;

    Faults(DrillSettings settings, GatewayProcess gateway, Optional<StandaloneBroker> broker, ShanghaiReceiver shanghai,
            AtomicInteger offered, Consumer<String> events) {
        this.settings = settings;
        this.gateway = gateway;
        this.broker = broker;
        this.shanghai = shanghai;
        this.offered = offered;
        this.events = events;
        this.random = new Random(settings.seed());
        int count = settings.kills();
        for (int i = 0; i < count; i++) {
            // One kill in each of count equal stretches of the load's middle 80 %.
            killAt.add(new Kill(0.1 + 0.8 * (i + random.nextDouble()) / count, false));
        }
        this.outageAt = 0.1 + 0.3 * random.nextDouble();
        // Drawn last, so that a seed gives the embedded drill the same moments as before.
        broker.ifPresent(standalone -> killAt.add(new Kill(0.1 + 0.8 * random.nextDouble(), true)));
        killAt.sort(Comparator.comparingDouble(Kill::at));
    }

    void start() {
        Thread killer = new Thread(this::killAtTheirMoments, "drill-killer");
        Thread outage = new Thread(this::takeShanghaiDown, "drill-shanghai-outage");
        killer.setDaemon(true);
        outage.setDaemon(true);
        killer.start();
        outage.start();
    }

    /** Tells the faults the load has ended: a moment not reached by then is given up. */
    void loadOver() {
        loadOver = true;
    }

    /** Waits for the last restart and for Shanghai to be back; rethrows a restart that failed. */
    void awaitDone(Duration timeout) throws InterruptedException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the faults did not finish within " + timeout);
        }
        if (failure != null) {
            throw failure;
        }
    }

    int kills() {
        return kills;
    }

    int brokerKills() {
        return brokerKills;
    }

    private void killAtTheirMoments() {
        try {
            for (Kill kill : killAt) {
                if (!awaitProgress(kill.at())) {
                    events.accept("load over before the kill planned at " + percent(kill.at()) + " of the complaints");
                    continue;
                }
                Thread.sleep(random.nextInt(1000));
                if (kill.ofBroker()) {
                    killBroker(broker.orElseThrow());
                } else {
                    killGateway();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    private void killGateway() {
        events.accept("kill -9 the gateway (pid " + gateway.pid() + "), " + offered.get() + " complaints offered");
        gateway.kill();
        kills++;
        long restart = System.nanoTime();
        gateway.start(START_TIMEOUT);
        events.accept("gateway healthy again after " + seconds(System.nanoTime() - restart));
    }

    /** The gateway stays up and has to find its broker again; Shenzhen's client has to as well. */
    private void killBroker(StandaloneBroker standalone) {
        events.accept("kill -9 the BROKER (pid " + standalone.pid() + "), " + offered.get() + " complaints offered");
        standalone.kill();
        brokerKills++;
        long restart = System.nanoTime();
        standalone.start(START_TIMEOUT);
        events.accept("broker listening again after " + seconds(System.nanoTime() - restart)
                + ", same instance and journal");
    }

    private void takeShanghaiDown() {
        try {
            if (!awaitProgress(outageAt)) {
                events.accept("load over before Shanghai's outage planned at " + percent(outageAt));
                return;
            }
            long half = settings.outage().toMillis() / 2;
            events.accept("Shanghai's endpoint down: connections refused for " + seconds(half * 1_000_000));
            shanghai.refuseConnections();
            Thread.sleep(half);
            events.accept("Shanghai's endpoint answers 503 for " + seconds(half * 1_000_000));
            shanghai.answerUnavailable();
            Thread.sleep(settings.outage().toMillis() - half);
            shanghai.resume();
            events.accept("Shanghai's endpoint back");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shanghai.resume();
            done.countDown();
        }
    }

    /** Waits until that fraction of the complaints has been offered; false if the load ended first. */
    private boolean awaitProgress(double fraction) throws InterruptedException {
        int target = (int) Math.ceil(fraction * settings.complaints());
        while (offered.get() < target) {
            if (loadOver) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
