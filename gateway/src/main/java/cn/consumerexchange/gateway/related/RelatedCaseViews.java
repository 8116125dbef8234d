package cn.consumerexchange.gateway.related;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What operators see of related cases (并案) and advisory flags (art. 17), and what the wiring keeps beside the
 * detector's tables (V23): the flags a complaint raised and how the other authority of a link was told.
 */
@Repository
public class RelatedCaseViews {

    /**
     * The counted complaints a flag keeps, newest first. A respondent in a burst raises one with every complaint
     * against it, each counting up to {@link AdvisoryFlags#COUNT_CAP} cases; the flag's count says how many, and the
     * newest show which. Keeping as many as 2,000 characters held made each flag's row about 2 KB, and H2 writes the
     * page holding the newest rows again at every commit.
     */
    static final int COUNTED_REFS_KEPT = 20;

    private final JdbcClient jdbc;

    public RelatedCaseViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One reason for a match, in the operator's language. */
    public record Reason(String code, String text) {
    }

    /**
     * A link as operators see it.
     *
     * @param noticeMessageId the notice's message id in the ledger, once the other authority was told
     * @param noticeProblem   why the other authority could not be told through the exchange, for an operator to act
     */
    public record Link(String leadRef, String leadPartner, String otherRef, String otherPartner, double score,
            List<Reason> reasons, boolean offeredAsArt16, String noticeMessageId, String noticeProblem,
            OffsetDateTime createdAt) {
    }

    /**
     * An advisory flag as operators see it: it informs, it never rejected anything.
     *
     * @param countedRefs the newest of the complaints counted, at most {@link #COUNTED_REFS_KEPT}
     */
    public record Flag(String gatewayRef, AdvisoryFlag.Kind kind, int count, Duration window, List<String> countedRefs,
            OffsetDateTime raisedAt) {
    }

    /** A case's links and flags. */
    public record CaseRelations(String gatewayRef, List<Link> links, List<Flag> flags) {
    }

    /** Recent links and flags, newest first. */
    public record Recent(int page, int size, List<Link> links, List<Flag> flags) {
    }

    public CaseRelations of(String gatewayRef, Locale locale) {
        List<Link> links = jdbc.sql(LINK_COLUMNS + " where lead_ref = ? union all " + LINK_COLUMNS
                        + " where other_ref = ? order by 10")
                .params(gatewayRef, gatewayRef)
                .query((rs, row) -> link(rs, locale))
                .list();
        List<Flag> flags = jdbc.sql(FLAG_COLUMNS + " where gateway_ref = ? order by flag_kind")
                .param(gatewayRef)
                .query(RelatedCaseViews::flag)
                .list();
        return new CaseRelations(gatewayRef, links, flags);
    }

    /** Recent links and flags; with a flag kind, only the flags of that kind. */
    public Recent recent(AdvisoryFlag.Kind onlyFlag, int page, int size, Locale locale) {
        List<Link> links = onlyFlag != null ? List.of() : jdbc.sql(LINK_COLUMNS
                        + " order by created_at desc, id desc limit ? offset ?")
                .params(size, page * size)
                .query((rs, row) -> link(rs, locale))
                .list();
        List<Flag> flags = jdbc.sql(FLAG_COLUMNS + (onlyFlag == null ? "" : " where flag_kind = :kind")
                        + " order by raised_at desc, id desc limit :size offset :offset")
                .paramSource(onlyFlag == null
                        ? Map.of("size", size, "offset", page * size)
                        : Map.of("kind", onlyFlag.name(), "size", size, "offset", page * size))
                .query(RelatedCaseViews::flag)
                .list();
        return new Recent(page, size, links, flags);
    }

    /** Keeps the flags a complaint raised; looking at it again adds none. */
    void recordFlags(String gatewayRef, List<AdvisoryFlag> flags, Instant now) {
        for (AdvisoryFlag flag : flags) {
            List<String> refs = flag.gatewayRefs();
            String counted = String.join(" ", refs.subList(0, Math.min(refs.size(), COUNTED_REFS_KEPT)));
            jdbc.sql("""
                    insert into related_case_flag (gateway_ref, flag_kind, flag_count, window_seconds, counted_refs,
                        raised_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(gatewayRef, flag.kind().name(), flag.count(), flag.window().toSeconds(), counted, utc(now))
                    .update();
        }
    }

    /**
     * Records how the other authority of a link is told, unless it already was: the notice's message id, or why it
     * cannot be told, and whether the art. 16 ground was offered.
     *
     * @return whether this call recorded it (false: told before)
     */
    boolean recordNotice(RelatedCaseLink link, String noticeMessageId, String problem, boolean offeredAsArt16) {
        return jdbc.sql("""
                update related_case_link set notice_message_id = ?, notice_problem = ?, offered_as_art16 = ?
                 where lead_ref = ? and other_ref = ? and notice_message_id is null and notice_problem is null""")
                .params(noticeMessageId, problem, offeredAsArt16, link.leadRef(), link.otherRef())
                .update() == 1;
    }

    private static final String LINK_COLUMNS = """
            select lead_ref, lead_partner, other_ref, other_partner, score, reasons, offered_as_art16,
                   notice_message_id, notice_problem, created_at, id
              from related_case_link""";
    private static final String FLAG_COLUMNS = """
            select gateway_ref, flag_kind, flag_count, window_seconds, counted_refs, raised_at, id
              from related_case_flag""";

    private static Link link(ResultSet rs, Locale locale) throws SQLException {
        boolean chinese = "zh".equals(locale.getLanguage());
        List<Reason> reasons = Arrays.stream(rs.getString(6).split(" "))
                .map(MatchReason::valueOf)
                .map(reason -> new Reason(reason.name(), chinese ? reason.chinese() : reason.text()))
                .toList();
        return new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), reasons,
                rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class));
    }

    private static Flag flag(ResultSet rs, int row) throws SQLException {
        return new Flag(rs.getString(1), AdvisoryFlag.Kind.valueOf(rs.getString(2)), rs.getInt(3),
                Duration.ofSeconds(rs.getLong(4)), List.of(rs.getString(5).split(" ")),
                rs.getObject(6, OffsetDateTime.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
