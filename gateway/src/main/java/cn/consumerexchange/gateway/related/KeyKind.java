package cn.consumerexchange.gateway.related;

/**
 * The kinds of a complaint's keys. Consumer kinds are personal data and stored only as keyed hashes
 * ({@link KeyPseudonyms}); the others are business data, kept as normalised text. A case's profile keeps all of them;
 * only the kinds {@link #lookedUp() looked up} by value are rows of {@code related_case_key}.
 */
public enum KeyKind {

    /** The complainant's phone, {@link NameNormaliser#phone}. Looked up to find candidates and for shared phones. */
    CONSUMER_PHONE(true, true, true),
    /** The complainant's identity number. Looked up to find candidates. */
    CONSUMER_ID(true, true, true),
    /** The complainant's name: scored and counted for flags, never looked up alone (too many share a name). */
    CONSUMER_NAME(true, false, false),
    /** The complainant's name together with one respondent key: a name is looked up only with the business. */
    CONSUMER_AT_RESPONDENT(true, true, true),
    /**
     * The respondent's unified social credit code, or {@code BR:} and its Hong Kong or Macao registration number.
     * Looked up to count a burst of complaints against one respondent.
     */
    RESPONDENT_CODE(false, false, true),
    /**
     * The respondent's name without its company form, {@link NameNormaliser#businessName}. Looked up for a burst
     * where the respondent has no code.
     */
    RESPONDENT_NAME(false, false, true),
    RESPONDENT_ADDRESS(false, false, false),
    /** ISO date of the purchase. */
    PURCHASE_DATE(false, false, false),
    /** Currency and amount, {@code CNY:2399}. */
    PURCHASE_AMOUNT(false, false, false),
    /** The store or the platform the purchase was made in, normalised like a business name. */
    PURCHASE_STORE(false, false, false),
    PURCHASE_CHANNEL(false, false, false);

    private final boolean personal;
    private final boolean findsCandidates;
    private final boolean lookedUp;

    KeyKind(boolean personal, boolean findsCandidates, boolean lookedUp) {
        this.personal = personal;
        this.findsCandidates = findsCandidates;
        this.lookedUp = lookedUp;
    }

    /** Whether the value is personal data, stored only as a keyed hash. */
    public boolean personal() {
        return personal;
    }

    /** Whether the detector looks this kind up to find candidates (blocking key). */
    public boolean findsCandidates() {
        return findsCandidates;
    }

    /**
     * Whether the detector looks this kind up by value, to find candidates or to count for a flag: only these kinds
     * are rows of {@code related_case_key}, each an entry of its key index. The others are only compared, from the
     * case's profile.
     */
    public boolean lookedUp() {
        return lookedUp;
    }
}
