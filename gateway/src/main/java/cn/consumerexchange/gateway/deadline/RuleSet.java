package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rules a case's clocks follow (规则版本), chosen by the date the case was received. Both count as art. 45 of
 * Order No. 121 says: the day of the event is not counted, and a period ending on a day off ends on the next working
 * day.
 */
public enum RuleSet {

    /**
     * 《市场监督管理投诉举报处理暂行办法》, SAMR Order No. 20 (2019, amended by Orders No. 55 and 61 in 2022), for
     * cases received before 2026-04-15. Its art. 14 (acceptance, 7 working days) and art. 21(4) (mediation, 45 working
     * days from acceptance) are its own; the other two periods are assumptions, stated on their rules.
     */
    ORDER_20("市场监督管理投诉举报处理暂行办法", "SAMR Order No. 20", null, LocalDate.of(2026, 4, 15),
            new ClockRule(ClockKind.ACCEPTANCE, 7, PeriodUnit.WORKING_DAYS, 0, false, "Order No. 20 art. 14",
                    "decide whether to accept the complaint", null),
            new ClockRule(ClockKind.MEDIATION, 45, PeriodUnit.WORKING_DAYS, 0, true, "Order No. 20 art. 21(4)",
                    "mediation ends without agreement (终止调解)",
                    "time for testing or appraisal is not counted, as under Order No. 121 art. 22"),
            new ClockRule(ClockKind.CLUE_CHECK, 15, PeriodUnit.WORKING_DAYS, 15, false,
                    "Order No. 20 art. 31 with the administrative penalty procedure rules (SAMR Order No. 2) art. 18",
                    "decide whether to open a case (立案)",
                    "Order No. 20 refers clues to the penalty procedure, which checks within 15 working days,"
                            + " extendable by 15"),
            new ClockRule(ClockKind.JURISDICTION_DISPUTE, 7, PeriodUnit.WORKING_DAYS, 0, false, "Order No. 20",
                    "escalate to the common superior authority (报请指定管辖)",
                    "Order No. 20 sets no period for a jurisdiction dispute; Order No. 121's 7 working days apply")),

    /**
     * 《市场监督管理投诉举报处理办法》, SAMR Order No. 121, for cases received from 2026-04-15. Mediation counts 60
     * calendar days: art. 23 says 60 日 where the other periods say 工作日, and art. 45's extension of a period ending on
     * a holiday only bites on calendar days.
     */
    ORDER_121("市场监督管理投诉举报处理办法", "SAMR Order No. 121", LocalDate.of(2026, 4, 15), null,
            new ClockRule(ClockKind.ACCEPTANCE, 7, PeriodUnit.WORKING_DAYS, 0, false, "Order No. 121 art. 15",
                    "decide whether to accept the complaint", null),
            new ClockRule(ClockKind.MEDIATION, 60, PeriodUnit.NATURAL_DAYS, 0, true, "Order No. 121 art. 22-23",
                    "mediation ends without agreement (终止调解)", null),
            new ClockRule(ClockKind.CLUE_CHECK, 15, PeriodUnit.WORKING_DAYS, 15, false, "Order No. 121 art. 27",
                    "decide whether to open a case (立案)", null),
            new ClockRule(ClockKind.JURISDICTION_DISPUTE, 7, PeriodUnit.WORKING_DAYS, 0, false,
                    "Order No. 121 art. 33", "escalate to the common superior authority (报请指定管辖)", null));

    private final String title;
    private final String order;
    private final LocalDate receivedFrom;
    private final LocalDate receivedBefore;
    private final Map<ClockKind, ClockRule> rules = new EnumMap<>(ClockKind.class);

    RuleSet(String title, String order, LocalDate receivedFrom, LocalDate receivedBefore, ClockRule... rules) {
        this.title = title;
        this.order = order;
        this.receivedFrom = receivedFrom;
        this.receivedBefore = receivedBefore;
        for (ClockRule rule : rules) {
            this.rules.put(rule.kind(), rule);
        }
    }

    /** The rules' Chinese title. */
    public String title() {
        return title;
    }

    /** The order that made them, e.g. "SAMR Order No. 121". */
    public String order() {
        return order;
    }

    public ClockRule rule(ClockKind kind) {
        return rules.get(kind);
    }

    /** Whether a case received on {@code day} runs under these rules. */
    public boolean appliesTo(LocalDate day) {
        return (receivedFrom == null || !day.isBefore(receivedFrom))
                && (receivedBefore == null || day.isBefore(receivedBefore));
    }
}
