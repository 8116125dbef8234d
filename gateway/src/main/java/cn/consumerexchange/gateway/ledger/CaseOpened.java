package cn.consumerexchange.gateway.ledger;

import cn.consumerexchange.contract.v1.MessageKind;

/**
 * A transferred case was opened (转办立案), published in the transaction that records it: listeners that keep
 * something of the case (its legal clocks, the art. 14 notices) do so in that transaction, or not at all.
 *
 * @param transferCase the case as opened
 * @param openedBy     the message that opened it: a complaint (投诉) or a report (举报), whose clocks differ
 */
public record CaseOpened(TransferCase transferCase, MessageKind openedBy) {
}
