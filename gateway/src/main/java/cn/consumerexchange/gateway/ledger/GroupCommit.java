package cn.consumerexchange.gateway.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One database commit for the ledger writes of several threads that get there at the same time (group commit). The
 * embedded database writes out every page a commit changed, and most of that work is the same whether the commit
 * holds one message or several; sharing it makes a busy gateway cheaper per message. The intake and the delivery
 * records go through it.
 *
 * <p>The guarantees stay per caller. Each caller's work runs under a savepoint of its own (a nested transaction), so
 * a failure undoes only that work and is thrown to that caller alone. Every caller returns only after the commit that
 * holds its work, so nothing is acknowledged to a broker or a partner before it is durable; a commit that fails is
 * thrown to every caller in it.
 *
 * <p>Whoever holds the lock commits for everyone waiting: the callers that arrive while one commit runs form the next
 * group, at most {@link #MAX_GROUP}. Work runs on the committing thread, so it must not depend on thread-bound state
 * other than the transaction. What it leaves to run after the commit runs there too: a hub notice's nudge then joins
 * that thread's broker transaction, and one lost with it is left to the delivery sweeper, as any lost nudge. A caller
 * already inside a transaction joins it instead.
 */
@Component
public class GroupCommit {

    /** The most callers one commit holds, so a long queue does not make one transaction long. */
    static final int MAX_GROUP = 32;

    private final ReentrantLock committer = new ReentrantLock();
    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final TransactionTemplate group;
    private final TransactionTemplate savepoint;
    private final DistributionSummary sizes;

    public GroupCommit(PlatformTransactionManager transactions, MeterRegistry meters) {
        this.group = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.sizes = DistributionSummary.builder("exchange.ledger.group.commit.size")
                .description("Callers whose ledger writes one group commit held")
                .register(meters);
    }

    /**
     * Runs {@code work} in a transaction shared with other callers and returns its result once that transaction has
     * committed.
     *
     * @throws RuntimeException what {@code work} threw, its writes undone, or what the commit threw
     */
    public <T> T execute(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Pending<T> mine = new Pending<>(work);
        waiting.add(mine);
        committer.lock();
        try {
            while (!mine.finished) {
                commitWaiting();
            }
        } finally {
            committer.unlock();
        }
        return mine.outcome();
    }

    /** Callers waiting for a commit, for tests and diagnostics. */
    int waiting() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Pending<?>> members = new ArrayList<>();
        for (Pending<?> next; members.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
            members.add(next);
        }
        try {
            group.executeWithoutResult(tx -> members.forEach(member -> member.runIn(savepoint)));
        } catch (RuntimeException | Error commitFailed) {
            members.forEach(member -> member.commitFailed(commitFailed));
        }
        members.forEach(member -> member.finished = true);
        sizes.record(members.size());
    }

    /** One caller's work and what became of it; read by its caller after the committer's lock passed on. */
    private static final class Pending<T> {

        private final Supplier<T> work;
        private T result;
        private Throwable failure;
        private boolean finished;

        Pending(Supplier<T> work) {
            this.work = work;
        }

        void runIn(TransactionTemplate savepoint) {
            try {
                result = savepoint.execute(tx -> work.get());
            } catch (RuntimeException | Error workFailed) {
                failure = workFailed;
            }
        }

        void commitFailed(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
