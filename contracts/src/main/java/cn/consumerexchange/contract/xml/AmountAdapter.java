package cn.consumerexchange.contract.xml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.math.BigDecimal;

/**
 * Binds {@code xs:decimal} amounts to {@link BigDecimal} without ever expanding one: a value set in Java such as
 * 1E+999999999 would take gigabytes in plain digits. One with more digits than any amount may have is written in
 * exponent notation instead, which the schema then refuses as {@code INVALID_AMOUNT} at the amount's path.
 */
public final class AmountAdapter extends XmlAdapter<String, BigDecimal> {

    /** Far above the contract's 18 digits, so that every amount the schema could accept is written plainly. */
    private static final int MAX_PLAIN_DIGITS = 40;

    @Override
    public BigDecimal unmarshal(String value) {
        return value == null ? null : new BigDecimal(value.strip());
    }

    @Override
    public String marshal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        long digits = Math.max((long) value.precision() - value.scale(), 0) + Math.max(value.scale(), 0);
        return digits > MAX_PLAIN_DIGITS ? value.toString() : value.toPlainString();
    }
}
