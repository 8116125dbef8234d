package cn.consumerexchange.gateway.returns;

/**
 * One store (门店) of a chain firm, by the chain's own store code.
 *
 * @param division           the GB/T 2260 division the store is in, which decides its region's partner
 * @param registrationNumber the business registration number of a store in Hong Kong or Macao, whose businesses have
 *                           no credit code; {@code null} on the mainland, where the firm's credit code names it
 */
public record FirmStore(String code, String name, String division, String address, String registrationNumber) {

    /** The currency the store refunds in: Hong Kong dollars, patacas, or renminbi on the mainland. */
    public String currency() {
        return division.startsWith("81") ? "HKD" : division.startsWith("82") ? "MOP" : "CNY";
    }
}
