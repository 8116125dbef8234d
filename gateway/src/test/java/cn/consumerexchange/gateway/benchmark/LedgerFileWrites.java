package cn.consumerexchange.gateway.benchmark;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.table.Table;

/**
 * What the ledger's H2 file was written with, by table and index: the bytes of the pages in the chunks the file still
 * holds once the gateway has stopped (the last 45 s of writes, H2's retention time, and older chunks that keep a live
 * page), each page counted for the map it belongs to. A chunk is one write of the file and holds every page that
 * write changed, so these are shares of what commits wrote, not of what the ledger holds.
 *
 * <p>H2 keeps a chunk's table of contents to itself; it is read here by reflection, which ties this to H2's file
 * format (2.x). A benchmark tool only: the gateway never reads it.
 */
final class LedgerFileWrites {

    private final Map<String, Long> bytesByMap;
    private final int chunks;

    private LedgerFileWrites(Map<String, Long> bytesByMap, int chunks) {
        this.bytesByMap = bytesByMap;
        this.chunks = chunks;
    }

    /** Reads the file of a stopped gateway's ledger, {@code <ledger>.mv.db}. */
    static LedgerFileWrites read(Path ledger) throws Exception {
        Map<Integer, Long> bytesByMapId = new HashMap<>();
        int chunks = 0;
        MVStore store = new MVStore.Builder().fileName(ledger + ".mv.db").readOnly().open();
        try {
            FileStore<?> file = store.getFileStore();
            Method chunksOf = FileStore.class.getDeclaredMethod("getChunks");
            chunksOf.setAccessible(true);
            Method tableOfContents = Chunk.class.getDeclaredMethod("readToC", FileStore.class);
            tableOfContents.setAccessible(true);
            for (Object chunk : ((Map<?, ?>) chunksOf.invoke(file)).values()) {
                long[] toc = (long[]) tableOfContents.invoke(chunk, file);
                if (toc == null || toc.length == 0) {
                    continue;
                }
                chunks++;
                long[] byOffset = Arrays.stream(toc).boxed().sorted(Comparator.comparingInt(DataUtils::getPageOffset))
                        .mapToLong(Long::longValue).toArray();
                for (int i = 0; i < byOffset.length; i++) {
                    // A page runs to the next one; the last to the chunk's end, known only as its maximum length.
                    int length = i + 1 < byOffset.length
                            ? DataUtils.getPageOffset(byOffset[i + 1]) - DataUtils.getPageOffset(byOffset[i])
                            : DataUtils.getPageMaxLength(byOffset[i]);
                    bytesByMapId.merge(DataUtils.getPageMapId(byOffset[i]), (long) length, Long::sum);
                }
            }
        } finally {
            store.close();
        }
        Map<Integer, String> mapNames = mapNames(ledger);
        Map<String, Long> bytes = new HashMap<>();
        bytesByMapId.forEach((map, length) -> bytes.merge(mapNames.getOrDefault(map, "H2's map " + map), length,
                Long::sum));
        return new LedgerFileWrites(bytes, chunks);
    }

    void print(PrintStream out, int top) {
        long total = bytesByMap.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "Ledger file (H2) writes by table and index: %d chunks the file still holds, %.1f MB of "
                + "pages%n", chunks, total / 1e6);
        bytesByMap.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> out.printf(Locale.ROOT, "  %-70s %8.1f MB %5.1f%%%n", entry.getKey(),
                        entry.getValue() / 1e6, 100.0 * entry.getValue() / total));
    }

    /**
     * The store's maps by id: H2 names a table's map {@code table.<object id>} and an index's {@code index.<object
     * id>}; the database, opened read-only, names the objects.
     */
    private static Map<Integer, String> mapNames(Path ledger) throws SQLException {
        Map<String, String> objects = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + ledger
                + ";ACCESS_MODE_DATA=r;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            for (Table table : session.getDatabase().getAllTablesAndViews()) {
                if (table.getIndexes() == null) {
                    continue;
                }
                for (Index index : table.getIndexes()) {
                    String name = index.getName().endsWith("_DATA") ? table.getName() + " (rows)"
                            : table.getName() + " index " + index.getName();
                    objects.put(Integer.toString(index.getId()), name);
                }
            }
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(0, "H2's chunk table and map roots (layout)");
        names.put(1, "H2's map of maps (meta)");
        MVStore store = new MVStore.Builder().fileName(ledger + ".mv.db").readOnly().open();
        try {
            for (Map.Entry<String, String> entry : store.getMetaMap().entrySet()) {
                if (entry.getKey().startsWith("name.")) {
                    String map = entry.getKey().substring("name.".length());
                    String object = map.substring(map.indexOf('.') + 1);
                    names.put(Integer.parseInt(entry.getValue(), 16),
                            objects.getOrDefault(object, "H2's own " + map));
                }
            }
        } finally {
            store.close();
        }
        return names;
    }
}
