package cn.consumerexchange.gateway.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The legal clocks of the cases (法定时限台账), in {@code legal_clock} and {@code legal_clock_pause} (Flyway V21). A
 * clock is rebuilt from its row and its pauses into a {@link ClockState}; a changed state is written back with where
 * it stands. Warning and flagging are conditional updates, so a clock is warned and flagged once whichever instance,
 * and however many sweeps, ask.
 */
@Repository
public class LegalClockStore {

    private static final String COLUMNS = "id, gateway_ref, kind, partner, calendar_region, rule_set, "
            + "case_received_on, started_at, started_on, extended, stopped_at, status, due_date, problem, warned_at, "
            + "flagged_at";

    /** The board's order: missed first, then due soon, then what cannot be counted, paused, on time; by due day. */
    private static final String BOARD_ORDER = " order by case status when 'MISSED' then 0 when 'DUE_SOON' then 1 "
            + "when 'CALENDAR_MISSING' then 2 when 'PAUSED' then 3 when 'ON_TIME' then 4 else 5 end, due_date, id";

    private final JdbcClient jdbc;

    public LegalClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a clock just started; returns its row id. */
    public long insert(String partner, ClockReading reading, Instant at) {
        ClockState clock = reading.clock();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into legal_clock (gateway_ref, kind, partner, calendar_region, rule_set, case_received_on,
                    started_at, started_on, extended, stopped_at, status, due_date, problem, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clock.caseRef(), clock.kind().name(), partner, clock.region().name(), clock.ruleSet().name(),
                        clock.caseReceivedOn(), utc(clock.startedAt()), clock.startedOn(), clock.extended(),
                        utc(clock.stoppedAt()), reading.status().name(), reading.dueDate(), reading.problem(), utc(at))
                .update(key, "id");
        long id = key.getKey().longValue();
        writePauses(id, clock);
        return id;
    }

    /**
     * Starts the clock of a row afresh, for another authority: a case re-routed after a return (退回) gives the new
     * receiver its own period. Its pauses, warning and flag go with the old run.
     */
    public void restart(long id, String partner, ClockReading reading, Instant at) {
        ClockState clock = reading.clock();
        jdbc.sql("delete from legal_clock_pause where clock_id = ?").param(id).update();
        jdbc.sql("""
                update legal_clock set partner = ?, calendar_region = ?, rule_set = ?, case_received_on = ?,
                    started_at = ?, started_on = ?, extended = ?, stopped_at = null, status = ?, due_date = ?,
                    problem = ?, warned_at = null, flagged_at = null, updated_at = ?
                where id = ?""")
                .params(partner, clock.region().name(), clock.ruleSet().name(), clock.caseReceivedOn(),
                        utc(clock.startedAt()), clock.startedOn(), clock.extended(), reading.status().name(),
                        reading.dueDate(), reading.problem(), utc(at), id)
                .update();
    }

    /**
     * Gives a running clock to another authority without restarting it: a jurisdiction dispute (管辖争议) goes on while
     * the case passes from one authority to the next, and the one holding it is told when it runs out.
     */
    public void handOver(long id, String partner, Instant at) {
        jdbc.sql("update legal_clock set partner = ?, updated_at = ? where id = ?").params(partner, utc(at), id)
                .update();
    }

    /** Writes back a clock changed by a transition (paused, resumed, extended, stopped) and where it now stands. */
    public void save(long id, ClockReading reading, Instant at) {
        ClockState clock = reading.clock();
        jdbc.sql("""
                update legal_clock set extended = ?, stopped_at = ?, status = ?, due_date = ?, problem = ?,
                    updated_at = ?
                where id = ?""")
                .params(clock.extended(), utc(clock.stoppedAt()), reading.status().name(), reading.dueDate(),
                        reading.problem(), utc(at), id)
                .update();
        jdbc.sql("delete from legal_clock_pause where clock_id = ?").param(id).update();
        writePauses(id, clock);
    }

    /** Records where a clock stands now, when that changed since it was last counted. */
    public void recount(long id, ClockReading reading, Instant at) {
        jdbc.sql("""
                update legal_clock set status = ?, due_date = ?, problem = ?, updated_at = ?
                where id = ? and (status <> ? or due_date is distinct from ? or problem is distinct from ?)""")
                .params(reading.status().name(), reading.dueDate(), reading.problem(), utc(at), id,
                        reading.status().name(), reading.dueDate(), reading.problem())
                .update();
    }

    /** Marks the clock warned; false when it already was (by another sweep, on this instance or another). */
    public boolean markWarned(long id, Instant at) {
        return jdbc.sql("update legal_clock set warned_at = ? where id = ? and warned_at is null")
                .params(utc(at), id).update() == 1;
    }

    /** Marks the clock's miss flagged; false when it already was. */
    public boolean markFlagged(long id, Instant at) {
        return jdbc.sql("update legal_clock set flagged_at = ? where id = ? and flagged_at is null")
                .params(utc(at), id).update() == 1;
    }

    public Optional<StoredClock> find(String gatewayRef, ClockKind kind) {
        return withPauses(jdbc.sql("select " + COLUMNS + " from legal_clock where gateway_ref = ? and kind = ?")
                .params(gatewayRef, kind.name())
                .query(LegalClockStore::row)
                .list()).stream().findFirst();
    }

    /** Every clock of a case, in the order they started. */
    public List<StoredClock> ofCase(String gatewayRef) {
        return withPauses(jdbc.sql("select " + COLUMNS + " from legal_clock where gateway_ref = ? order by id")
                .param(gatewayRef)
                .query(LegalClockStore::row)
                .list());
    }

    /**
     * Running clocks the sweeper counts again: those due up to {@code dueBy}, those whose due day cannot be counted,
     * and those already past due. A paused clock has no due day and waits for its resume.
     */
    public List<StoredClock> runningDueBy(LocalDate dueBy) {
        return withPauses(jdbc.sql("select " + COLUMNS + " from legal_clock where stopped_at is null"
                        + " and status <> 'PAUSED' and (due_date is null or due_date <= ?) order by id")
                .param(dueBy)
                .query(LegalClockStore::row)
                .list());
    }

    /**
     * One page of the deadline board (时限看板): missed first, then due soon; stopped clocks only when asked for.
     *
     * @param status  one status, or null for every clock still running
     * @param partner the holding partner, or null for all
     */
    public List<StoredClock> board(ClockStatus status, String partner, int page, int size) {
        return withPauses(jdbc.sql("select " + COLUMNS + " from legal_clock" + boardFilter(status, partner)
                        + BOARD_ORDER + " limit :size offset :offset")
                .params(boardParams(status, partner, Map.of("size", size, "offset", (long) page * size)))
                .query(LegalClockStore::row)
                .list());
    }

    public long boardCount(ClockStatus status, String partner) {
        return jdbc.sql("select count(*) from legal_clock" + boardFilter(status, partner))
                .params(boardParams(status, partner, Map.of()))
                .query(Long.class)
                .single();
    }

    /** How many running clocks stand at each status, by holding partner and kind: one grouped query. */
    public List<StatusCount> countsByPartnerAndKind() {
        return jdbc.sql("""
                select partner, kind, status, count(*) from legal_clock where stopped_at is null
                group by partner, kind, status""")
                .query((rs, row) -> new StatusCount(rs.getString(1), ClockKind.valueOf(rs.getString(2)),
                        ClockStatus.valueOf(rs.getString(3)), rs.getLong(4)))
                .list();
    }

    /** A count of {@link #countsByPartnerAndKind()}. */
    public record StatusCount(String partner, ClockKind kind, ClockStatus status, long clocks) {
    }

    private static String boardFilter(ClockStatus status, String partner) {
        String where = status == null ? " where stopped_at is null" : " where status = :status";
        return partner == null ? where : where + " and partner = :partner";
    }

    private static Map<String, Object> boardParams(ClockStatus status, String partner, Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(more);
        if (status != null) {
            params.put("status", status.name());
        }
        if (partner != null) {
            params.put("partner", partner);
        }
        return params;
    }

    private void writePauses(long id, ClockState clock) {
        for (ClockPause pause : clock.pauses()) {
            jdbc.sql("""
                    insert into legal_clock_pause (clock_id, paused_at, paused_on, resumed_at, resumed_on, reason)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, utc(pause.pausedAt()), pause.pausedOn(), utc(pause.resumedAt()), pause.resumedOn(),
                            pause.reason())
                    .update();
        }
    }

    /** The rows' clocks with their pauses, read in one query for all of them. */
    private List<StoredClock> withPauses(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ClockPause>> pauses = new HashMap<>();
        jdbc.sql("select clock_id, paused_at, paused_on, resumed_at, resumed_on, reason from legal_clock_pause"
                        + " where clock_id in (:ids) order by id")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    pauses.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new ClockPause(
                            instant(rs, 2), rs.getObject(3, LocalDate.class), instant(rs, 4),
                            rs.getObject(5, LocalDate.class), rs.getString(6)));
                });
        return rows.stream().map(row -> row.toClock(pauses.getOrDefault(row.id(), List.of()))).toList();
    }

    private record Row(long id, String gatewayRef, ClockKind kind, String partner, CalendarRegion region,
            RuleSet ruleSet, LocalDate caseReceivedOn, Instant startedAt, LocalDate startedOn, boolean extended,
            Instant stoppedAt, ClockStatus status, LocalDate dueDate, String problem, OffsetDateTime warnedAt,
            OffsetDateTime flaggedAt) {

        StoredClock toClock(List<ClockPause> pauses) {
            return new StoredClock(id, partner, new ClockState(kind, gatewayRef, region, ruleSet, caseReceivedOn,
                    startedAt, startedOn, pauses, extended, stoppedAt), status, dueDate, problem, warnedAt,
                    flaggedAt);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("gateway_ref"), ClockKind.valueOf(rs.getString("kind")),
                rs.getString("partner"), CalendarRegion.valueOf(rs.getString("calendar_region")),
                RuleSet.valueOf(rs.getString("rule_set")), rs.getObject("case_received_on", LocalDate.class),
                instant(rs, "started_at"), rs.getObject("started_on", LocalDate.class), rs.getBoolean("extended"),
                instant(rs, "stopped_at"), ClockStatus.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class), rs.getString("problem"),
                rs.getObject("warned_at", OffsetDateTime.class), rs.getObject("flagged_at", OffsetDateTime.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** In UTC and to the microsecond, as both databases keep it. */
    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
