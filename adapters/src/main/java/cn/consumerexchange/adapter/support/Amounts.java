package cn.consumerexchange.adapter.support;

import java.math.BigDecimal;

/** Writes amounts for partners, who read plain digits only. */
public final class Amounts {

    /** Far beyond the contract's 18 digits, far below what could exhaust memory. */
    private static final int MAX_PLAIN_DIGITS = 40;

    private Amounts() {
    }

    /**
     * The amount in plain digits, e.g. {@code 1299.00}.
     *
     * @throws IllegalArgumentException when it would print more than {@value #MAX_PLAIN_DIGITS} digits, such as
     *                                  1E+999999999: a message that passed the contract cannot hold one
     */
    public static String plain(BigDecimal amount) {
        long digits = Math.max((long) amount.precision() - amount.scale(), 0) + Math.max(amount.scale(), 0);
        if (digits > MAX_PLAIN_DIGITS) {
            throw new IllegalArgumentException("An amount of " + digits + " digits is not one the contract carries");
        }
        return amount.toPlainString();
    }
}
