package cn.consumerexchange.gateway.deadline;

/** The legal clocks (法定时限) a transferred case runs against. */
public enum ClockKind {
    /** Decide to accept or not accept (受理或者不予受理), counted from receipt. */
    ACCEPTANCE,
    /** Mediation (调解), counted from acceptance; ends without agreement when it runs out. */
    MEDIATION,
    /** Check of a violation clue found in mediation (线索核查), counted from when it was found. */
    CLUE_CHECK,
    /** Settle a jurisdiction dispute (管辖争议) between authorities, or escalate it. */
    JURISDICTION_DISPUTE
}
