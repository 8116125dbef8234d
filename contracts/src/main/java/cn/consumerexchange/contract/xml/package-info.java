/** XML adapters that bind contract types to Java types (java.time, {@link cn.consumerexchange.contract.ErrorCode}). */
package cn.consumerexchange.contract.xml;
