package cn.consumerexchange.gateway.ledger.file;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the embedded ledger file from growing without bound (台账文件整理). The embedded database (H2) writes every
 * commit at once ({@code WRITE_DELAY=0}, so that a killed process loses nothing it acknowledged), each as a new chunk
 * at the end of the file holding every page the commit changed. A chunk's space is used again only once none of its
 * pages is live, and most chunks keep one: the last version of a page no later commit changes. H2 rewrites such
 * sparse chunks in its background writer, which it runs only when commits are written later; so with every commit
 * written at once the file grew by 120 to 210 KB per complaint in the benchmark. Every interval this rewrites the
 * live pages of the sparsest chunks into one new chunk, as the background writer would, so the old chunks die and
 * their space is reused. The file does not shrink while the database is open.
 *
 * <p>On PostgreSQL, an H2 server or an in-memory database it does nothing.
 */
@Component
public class LedgerFileCompaction {

    private static final Logger log = LoggerFactory.getLogger(LedgerFileCompaction.class);

    private final DataSource dataSource;
    private final LedgerFileSettings settings;
    private final MeterRegistry registry;
    private volatile MVStore store;
    private volatile boolean notEmbedded;

    public LedgerFileCompaction(DataSource dataSource, LedgerFileSettings settings, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.registry = registry;
    }

    @Scheduled(initialDelayString = "${exchange.ledger-file.compact-interval:5s}",
            fixedDelayString = "${exchange.ledger-file.compact-interval:5s}")
    void run() {
        try {
            compact();
        } catch (RuntimeException e) {
            log.warn("Compacting the ledger file stopped early: {}", e.toString());
        }
    }

    /**
     * Rewrites the sparsest chunks, a round at a time, while the chunks old enough to be rewritten hold less live data
     * than the target and the run's time lasts. Younger chunks are left out of the measure, as H2's own housekeeping
     * leaves them: under load most of them are sparse and will soon be dead, and counting them would keep the rounds
     * going.
     *
     * @return the rounds that rewrote anything; 0 on a database other than an embedded H2 file
     */
    public int compact() {
        Optional<MVStore> embedded = embeddedStore();
        if (embedded.isEmpty()) {
            return 0;
        }
        MVStore mvStore = embedded.get();
        long until = System.nanoTime() + settings.maxTimePerRun().toNanos();
        int rounds = 0;
        while (rewritableFillRate(mvStore.getFileStore()) < settings.targetFillRate()
                && mvStore.compact(100, settings.writePerRound())) {
            rounds++;
            // Written now, not with the next partner's commit, which would wait for them.
            mvStore.commit();
            if (System.nanoTime() > until) {
                break;
            }
        }
        if (rounds > 0) {
            log.debug("Ledger file compacted in {} rounds: {} bytes, chunks {}% live", rounds,
                    mvStore.getFileStore().size(), mvStore.getFileStore().getChunksFillRate());
        }
        return rounds;
    }

    /** The share of live data in the chunks older than H2's retention time, which alone may be rewritten. */
    private static int rewritableFillRate(FileStore<?> file) {
        int[] fillRate = {100};
        file.populateInfo((name, value) -> {
            if (name.equals("info.CHUNKS_FILL_RATE_RW")) {
                fillRate[0] = Integer.parseInt(value);
            }
        });
        return fillRate[0];
    }

    /** The file's size and its chunks' fill, registered once an embedded file is found; never on PostgreSQL. */
    private void registerGauges() {
        Gauge.builder("exchange.ledger.file.size", this, compaction -> compaction.fileFigure(FileStore::size))
                .description("Size of the embedded ledger file").baseUnit("bytes").register(registry);
        Gauge.builder("exchange.ledger.file.fill", this,
                        compaction -> compaction.fileFigure(FileStore::getChunksFillRate))
                .description("Share of the embedded ledger file's chunks that holds live data").baseUnit("percent")
                .register(registry);
    }

    private double fileFigure(ToDoubleFunction<FileStore<?>> figure) {
        MVStore known = store;
        return known == null || known.isClosed() ? Double.NaN : figure.applyAsDouble(known.getFileStore());
    }

    private Optional<MVStore> embeddedStore() {
        if (notEmbedded) {
            return Optional.empty();
        }
        MVStore known = store;
        if (known != null && !known.isClosed()) {
            return Optional.of(known);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                MVStore found = local.getDatabase().getStore().getMvStore();
                if (found.getFileStore() != null) {
                    store = found;
                    registerGauges();
                    return Optional.of(found);
                }
            }
            notEmbedded = true;
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("No connection to the ledger database", e);
        }
    }
}
