package cn.consumerexchange.gateway.deadline;

/** The legal clocks (法定时限) a transferred case runs against. */
public enum ClockKind {
    /** Decide to accept or not accept (受理或者不予受理), counted from receipt. */
    ACCEPTANCE,
    /** Mediation (调解), counted from acceptance; ends without agreement when it runs out. */
    MEDIATION,
    /**
     * Check of a violation clue (线索核查) and decide whether to open a case (立案): a report (举报), counted from its
     * receipt. Once extendable; the contract carries no extension, so a status update never extends it.
     */
    CLUE_CHECK,
    /** Settle a jurisdiction dispute (管辖争议) between authorities, raised by a return (退回), or escalate it. */
    JURISDICTION_DISPUTE
}
