/**
 * The canonical contract v1 of the cross-region complaint exchange, for every module that reads or writes it.
 *
 * <ul>
 *   <li>{@link cn.consumerexchange.contract.ContractCodec} reads untrusted XML safely and writes messages;</li>
 *   <li>{@link cn.consumerexchange.contract.ContractValidator} checks the business rules a schema cannot;</li>
 *   <li>{@link cn.consumerexchange.contract.Violation} and {@link cn.consumerexchange.contract.ErrorCode} say
 *       what is wrong and where, as a {@code Rejection} will tell the sender;</li>
 *   <li>{@link cn.consumerexchange.contract.UnifiedSocialCreditCode} (统一社会信用代码) and
 *       {@link cn.consumerexchange.contract.DivisionCodes} (行政区划代码) are the code tables.</li>
 * </ul>
 *
 * The message classes themselves are generated from {@code contract/v1/*.xsd} into
 * {@code cn.consumerexchange.contract.v1}. No Spring, no Camel.
 */
package cn.consumerexchange.contract;
