package cn.consumerexchange.gateway.ledger;

/**
 * A transferred case was opened (转办立案), published in the transaction that records it: listeners that keep
 * something of the case (its legal clocks) do so in that transaction, or not at all.
 */
public record CaseOpened(TransferCase transferCase) {
}
