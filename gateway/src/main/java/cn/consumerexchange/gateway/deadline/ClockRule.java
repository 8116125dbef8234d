package cn.consumerexchange.gateway.deadline;

/**
 * What a rule set says of one clock.
 *
 * @param kind         the clock
 * @param period       how long it runs
 * @param unit         what the period counts
 * @param extension    by how much it may be extended once (特殊情况下可以延长); zero when it cannot
 * @param pausable     whether time for testing or appraisal (检测、检验、检定、鉴定) is not counted
 * @param article      the provision, shown with the clock, e.g. "Order No. 121 art. 15"
 * @param whenRunOut   what follows when it runs out, for operators
 * @param assumption   what the gateway assumed where the rule set's text does not say it; null where it does
 */
public record ClockRule(
        ClockKind kind,
        int period,
        PeriodUnit unit,
        int extension,
        boolean pausable,
        String article,
        String whenRunOut,
        String assumption) {
}
