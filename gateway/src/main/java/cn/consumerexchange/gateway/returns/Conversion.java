package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;

/**
 * An amount in the currency a settlement is made in, and the rate that converted it, or none when the currencies
 * are the same.
 *
 * @param rate the rate of the non-renminbi currency of the two; for a conversion between Hong Kong dollars and
 *             patacas, the settlement currency's rate (the conversion runs through the renminbi, both rates named in
 *             its {@code source})
 */
public record Conversion(BigDecimal amount, String currency, ExchangeRate rate) {

    public boolean converted() {
        return rate != null;
    }
}
