package cn.consumerexchange.contract;

/**
 * Why the exchange rejects a message. Travels in {@code Rejection/Error/Code}, so partners can act on it
 * without reading the reason text.
 */
public enum ErrorCode {

    MALFORMED_XML("The document is not well-formed XML."),
    FORBIDDEN_XML_CONSTRUCT("The document uses a construct the exchange refuses: DTD, entities or XInclude."),
    DOCUMENT_TOO_LARGE("The document exceeds the maximum size in bytes."),
    DOCUMENT_TOO_DEEP("The document nests elements deeper than allowed."),
    SCHEMA_VIOLATION("The document does not conform to the contract schema."),
    MISSING_FIELD("A required field is absent."),
    INVALID_CREDIT_CODE("The unified social credit code (统一社会信用代码) is malformed or its check character is wrong."),
    UNKNOWN_DIVISION("The administrative division code is not in GB/T 2260."),
    UNSUPPORTED_CURRENCY("The currency is not one of CNY, HKD, MOP."),
    INVALID_AMOUNT("The amount is negative, has more than 2 decimals or too many digits."),
    DATE_IN_FUTURE("A date or time that must lie in the past lies in the future."),
    TYPE_MISMATCH("The envelope's MessageType does not match the body of the message."),
    DUPLICATE_CONFLICT("A message with this id was already received with different content."),
    NO_JURISDICTION("No authority has jurisdiction over the case (管辖)."),
    NO_PARTNER_FOR_REGION("No partner system serves the region that must receive the case."),
    UNKNOWN_SENDER("The sender is not a known partner or may not send as this authority."),
    UNTRANSLATABLE_NATIVE_MESSAGE("The partner's native message cannot be translated to the contract."),
    UNKNOWN_CASE("The message refers to a case the exchange does not know."),
    RECEIVER_CANNOT_TAKE("The receiving partner's format does not carry this message type."),
    GATEWAY_UNAVAILABLE("The gateway could not take the message now; send it again later under the same message id."),
    MALFORMED_JSON("The document is not valid JSON."),
    MALFORMED_CSV("The document is not valid CSV of the partner's layout: quoting, or the number of fields."),
    AMBIGUOUS_DOCUMENT("The document can be read more than one way: a key appears twice, or content follows it."),
    INVALID_ENCODING("The bytes are not valid UTF-8."),
    ILLEGAL_CHARACTER("A text holds a character XML cannot carry: NUL, another control character or an unpaired"
            + " surrogate."),
    FIELD_TOO_LONG("A field is longer than the contract or the format allows."),
    NUMBER_TOO_LARGE("A number has more digits or a larger exponent than the exchange reads."),
    TOO_MANY_ATTRIBUTES("An element carries more attributes than allowed."),
    UNREADABLE_MESSAGE_ID("The message id is missing or is not one the contract can carry; the answer names the"
            + " message by a gateway-made reference instead."),
    UNAUTHENTICATED("The partner is unknown or its credential is wrong."),
    ILLEGAL_TRANSITION("The case cannot move from its current state to the state sent; the reason names both."),
    EVIDENCE_DIGEST_MISMATCH("An evidence file's bytes do not have the SHA-256 its manifest item declares."),
    EVIDENCE_INCOMPLETE("An evidence file arrived shorter than its declared size: the upload was cut off."),
    EVIDENCE_TOO_LARGE("An evidence file is larger than its declared size or than the exchange takes."),
    UNKNOWN_EVIDENCE("No evidence item of the case has this SHA-256, or its bytes have not arrived."),
    UNKNOWN_COMMITMENT("No no-reason return commitment (线下无理由退货承诺) of the exchange covers the stores named:"
            + " the commitment id is unknown, or the origin or return store is not one of its firm's stores."),
    RETURN_PERIOD_EXPIRED("The return is requested after the commitment's return period (at least 7 days) ran out."),
    GOODS_EXCLUDED("An item returned is of a kind the commitment excludes from no-reason returns."),
    COMPENSATION_NOT_RETURN("The request asks for compensation: that is a complaint (投诉), not a no-reason return."),
    RETURN_AMOUNT_MISMATCH("The purchase's amount is not the sum of its items, or its currencies differ.");

    private final String description;

    ErrorCode(String description) {
        this.description = description;
    }

    /** One line of English saying what the code means. */
    public String description() {
        return description;
    }
}
