package cn.consumerexchange.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Group commit on a real H2 database: several callers, one commit, each caller's guarantees its own. */
class GroupCommitTest {

    /** A thread per caller: the common pool has a single thread on a two-core machine. */
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private JdbcClient jdbc;
    private DataSourceTransactionManager transactions;
    private SimpleMeterRegistry meters;
    private GroupCommit groupCommit;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table delivered (message_id varchar(20) primary key)").update();
        transactions = new DataSourceTransactionManager(dataSource);
        meters = new SimpleMeterRegistry();
        groupCommit = new GroupCommit(transactions, meters);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void callersThatWaitTogetherShareOneCommitAndAFailureUndoesOnlyItsOwnWrites() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = caller(() -> groupCommit.execute(() -> {
            record("first");
            holding.countDown();
            waitFor(release);
            return "first";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = caller(() -> groupCommit.execute(() -> {
            record("second");
            return "second";
        }));
        // A participating transaction that fails marks the whole transaction rollback-only; its savepoint undoes that.
        CompletableFuture<String> failing = caller(() -> groupCommit.execute(() ->
                new TransactionTemplate(transactions).execute(tx -> {
                    record("failing");
                    throw new IllegalStateException("the receiver's record does not fit");
                })));
        CompletableFuture<String> duplicate = caller(() -> groupCommit.execute(() -> {
            record("third");
            record("third");
            return "duplicate";
        }));
        CompletableFuture<String> fourth = caller(() -> groupCommit.execute(() -> {
            record("fourth");
            return "fourth";
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> groupCommit.waiting() == 4);
        assertThat(committed()).isEmpty();
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(fourth.get(10, TimeUnit.SECONDS)).isEqualTo("fourth");
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("the receiver's record does not fit");
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("DuplicateKey");
        assertThat(committed()).containsExactly("first", "fourth", "second");
        assertThat(meters.get("exchange.ledger.group.commit.size").summary().count()).isEqualTo(2);
        assertThat(meters.get("exchange.ledger.group.commit.size").summary().max()).isEqualTo(4);
    }

    @Test
    void aCallerReturnsOnlyOnceItsWritesAreCommitted() {
        String result = groupCommit.execute(() -> {
            record("alone");
            assertThat(committed()).isEmpty();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(committed()).containsExactly("alone");
    }

    @Test
    void aCallerAlreadyInATransactionJoinsIt() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            groupCommit.execute(() -> record("joined"));
            tx.setRollbackOnly();
        });

        assertThat(committed()).isEmpty();
        assertThat(meters.get("exchange.ledger.group.commit.size").summary().count()).isZero();
    }

    private int record(String messageId) {
        return jdbc.sql("insert into delivered (message_id) values (?)").param(messageId).update();
    }

    /** What another connection sees: only committed rows. */
    private List<String> committed() {
        return caller(() -> jdbc.sql("select message_id from delivered order by message_id").query(String.class).list())
                .join();
    }

    private <T> CompletableFuture<T> caller(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, callers);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
