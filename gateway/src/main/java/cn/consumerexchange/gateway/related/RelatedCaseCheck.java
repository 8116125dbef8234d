package cn.consumerexchange.gateway.related;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.report.ReportSeparation;

/**
 * Looks at one accepted case for related cases (并案检查), after its acknowledgement: records it with the detector by
 * the keys the intake kept in its profile (a complaint accepted before the intake kept them is read from the ledger as
 * received), keeps the advisory flags it raised, tells the other authority once, of the likeliest duplicate, and
 * marks the case looked at, all in one transaction; the notice is nudged to delivery after it commits. Looking at a
 * case again (a sweep that died before its commit) finds the same links, already told, and adds nothing.
 */
@Component
class RelatedCaseCheck {

    /**
     * A case the sweep has not looked at yet.
     *
     * @param receivedAt      when the gateway received it
     * @param keys            its complaint's keys as the intake kept them in its profile ({@link CaseKeys#written()}),
     *                        or null where it kept none
     * @param firstReceivedAt when its authority received it, as its profile says (the earlier of a pair leads), or
     *                        null where it has none
     */
    record UncheckedCase(String gatewayRef, String originPartner, String originMessageId, Instant receivedAt,
            String keys, Instant firstReceivedAt) {
    }

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ReportSeparation separation;
    private final RelatedCaseDetector detector;
    private final RelatedCaseViews views;
    private final RelatedCaseNotices notices;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RelatedCaseCheck(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters,
            ReportSeparation separation, RelatedCaseDetector detector, RelatedCaseViews views,
            RelatedCaseNotices notices, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.separation = separation;
        this.detector = detector;
        this.views = views;
        this.notices = notices;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Cases received since {@code since} not yet looked at, oldest first. */
    List<UncheckedCase> unchecked(Instant since, int limit) {
        return jdbc.sql("""
                select t.gateway_ref, t.origin_partner, t.origin_message_id, t.received_at, p.case_keys,
                       p.received_at
                  from transfer_case t
                  left join related_case_profile p on p.gateway_ref = t.gateway_ref
                 where t.received_at >= ?
                   and not exists (select 1 from related_case_check c where c.gateway_ref = t.gateway_ref)
                 order by t.received_at
                 limit ?""")
                .params(utc(since), limit)
                .query((rs, row) -> new UncheckedCase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class) == null ? null
                                : rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** How many cases received since {@code since} are not yet looked at, and when the oldest of them came in. */
    RelatedCaseSweep.Progress progress(Instant since, boolean sweeping) {
        return jdbc.sql("""
                select count(*), min(t.received_at) from transfer_case t
                 where t.received_at >= ?
                   and not exists (select 1 from related_case_check c where c.gateway_ref = t.gateway_ref)""")
                .param(utc(since))
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new RelatedCaseSweep.Progress(sweeping, rs.getInt(1),
                            oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /**
     * Looks at several cases in one transaction, so the database writes its pages once for all of them; returns how
     * many links they told. One failure rolls all of them back.
     */
    int checkAll(List<UncheckedCase> cases) {
        Integer told = transaction.execute(tx -> cases.stream().mapToInt(this::check).sum());
        return told == null ? 0 : told;
    }

    /** Looks at one case, in its own transaction or in the caller's; returns how many links it told. */
    int check(UncheckedCase unchecked) {
        Integer told = transaction.execute(tx -> {
            Optional<RelatedCaseFindings> findings = unchecked.keys() == null ? readAgain(unchecked)
                    : Optional.of(detector.record(unchecked.gatewayRef(), unchecked.originPartner(),
                            unchecked.firstReceivedAt(), CaseKeys.read(unchecked.keys())));
            boolean notified = findings.map(found -> {
                views.recordFlags(unchecked.gatewayRef(), found.flags(), clock.instant());
                // One notice per case, about its likeliest duplicate: a dispute filed many times must not become a
                // notice per earlier filing. Every link stays recorded for operators.
                return found.links().stream().max(Comparator.comparingDouble(RelatedCaseLink::score))
                        .map(notices::tell).orElse(false);
            }).orElse(false);
            jdbc.sql("insert into related_case_check (gateway_ref, checked_at) values (?, ?) on conflict do nothing")
                    .params(unchecked.gatewayRef(), utc(clock.instant()))
                    .update();
            return notified ? 1 : 0;
        });
        return told == null ? 0 : told;
    }

    /**
     * Records a case whose keys the intake did not keep, read from the ledger as received: a complaint accepted before
     * the intake kept them. Empty for a case without a complaint (a report case (举报), a return).
     */
    private Optional<RelatedCaseFindings> readAgain(UncheckedCase unchecked) {
        return complaintOf(unchecked).map(complaint -> detector.record(complaint, unchecked.gatewayRef(),
                unchecked.originPartner(),
                RelatedCaseDetector.receivedAt(complaint.getComplaint(), unchecked.receivedAt())));
    }

    /** The complaint that opened the case, as its origin sent it; a report case (举报) has none. */
    private Optional<ExchangeMessage> complaintOf(UncheckedCase unchecked) {
        Optional<LedgerEntry> received = ledger.findInbound(unchecked.originPartner(), unchecked.originMessageId())
                .filter(entry -> MessageKind.COMPLAINT.name().equals(entry.messageType()));
        if (received.isEmpty()) {
            return Optional.empty();
        }
        byte[] payload = ledger.payloadOf(received.get().id()).orElseThrow();
        ExchangeMessage submission = adapters.forFormat(partners.require(unchecked.originPartner()).format())
                .toContract(payload);
        return Optional.of(separation.separate(submission).map(ReportSeparation.Separated::complaint)
                .orElse(submission));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
