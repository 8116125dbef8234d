package cn.consumerexchange.contract;

import java.util.regex.Pattern;

/**
 * What of a submitted value a rejection's reason may repeat. Reasons travel back to the sender, into ledgers and
 * logs: a value may be personal data, megabytes long or hold characters XML cannot carry. Only a short code (a
 * currency, a code-table entry) helps the sender and harms no one; anything else is left out.
 */
public final class Excerpt {

    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,15}");

    private Excerpt() {
    }

    /** {@code " 'USD'"} for a short code-like value, else {@code ""}: append it where the value would go. */
    public static String quoted(String value) {
        return value != null && CODE_LIKE.matcher(value).matches() ? " '" + value + "'" : "";
    }
}
