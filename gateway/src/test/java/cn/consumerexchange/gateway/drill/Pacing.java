package cn.consumerexchange.gateway.drill;

import java.util.concurrent.TimeUnit;

/** Offers a sender's messages at a steady rate, so that kills and outages fall in the middle of the load. */
final class Pacing {

    private final long start = System.nanoTime();
    private final long interval;

    Pacing(double perSecond) {
        this.interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Waits until message {@code index} is due; returns at once if the sender is behind. */
    void awaitTurn(int index) throws InterruptedException {
        long wait = start + index * interval - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
