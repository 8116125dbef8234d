package cn.consumerexchange.adapter.xslt;

/**
 * A stylesheet stopped on its input: a terminating {@code xsl:message} or a dynamic error, such as a code its tables
 * lack. The reason is for people: the message's own text, or the error's.
 */
final class StylesheetFailure extends Exception {

    StylesheetFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
