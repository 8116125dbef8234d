package cn.consumerexchange.gateway.related;

/**
 * What a row of {@code related_case_key} holds. Consumer kinds are personal data and stored only as keyed hashes
 * ({@link KeyPseudonyms}); the others are business data, kept as normalised text.
 */
public enum KeyKind {

    /** The complainant's phone, {@link NameNormaliser#phone}. Looked up to find candidates. */
    CONSUMER_PHONE(true, true),
    /** The complainant's identity number. Looked up to find candidates. */
    CONSUMER_ID(true, true),
    /** The complainant's name: scored and counted for flags, never looked up alone (too many share a name). */
    CONSUMER_NAME(true, false),
    /** The complainant's name together with one respondent key: a name is looked up only with the business. */
    CONSUMER_AT_RESPONDENT(true, true),
    /** The respondent's unified social credit code, or {@code BR:} and its Hong Kong or Macao registration number. */
    RESPONDENT_CODE(false, false),
    /** The respondent's name without its company form, {@link NameNormaliser#businessName}. */
    RESPONDENT_NAME(false, false),
    RESPONDENT_ADDRESS(false, false),
    /** ISO date of the purchase. */
    PURCHASE_DATE(false, false),
    /** Currency and amount, {@code CNY:2399}. */
    PURCHASE_AMOUNT(false, false),
    /** The store or the platform the purchase was made in, normalised like a business name. */
    PURCHASE_STORE(false, false),
    PURCHASE_CHANNEL(false, false);

    private final boolean personal;
    private final boolean findsCandidates;

    KeyKind(boolean personal, boolean findsCandidates) {
        this.personal = personal;
        this.findsCandidates = findsCandidates;
    }

    /** Whether the value is personal data, stored only as a keyed hash. */
    public boolean personal() {
        return personal;
    }

    /** Whether the detector looks this kind up to find candidates (blocking key). */
    public boolean findsCandidates() {
        return findsCandidates;
    }
}
