package cn.consumerexchange.contract;

/**
 * The characters XML 1.0 can carry: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and paired
 * surrogates. Anything else (NUL and other controls, U+FFFE, U+FFFF, an unpaired surrogate) makes a document no
 * parser reads, so readers of every format refuse it with {@link ErrorCode#ILLEGAL_CHARACTER}.
 */
public final class XmlCharacters {

    /** The reason of an {@link ErrorCode#ILLEGAL_CHARACTER} violation, wherever it is found. */
    public static final String REASON = "The value holds a character XML cannot carry: NUL, another control character"
            + " other than tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate.";

    private XmlCharacters() {
    }

    /** The index of the first character XML 1.0 cannot carry, or -1 if there is none. */
    public static int firstIllegal(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!isXmlCharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isXmlCharacter(char c) {
        return c >= 0x20 && c <= 0xD7FF || c == '\t' || c == '\n' || c == '\r' || c >= 0xE000 && c <= 0xFFFD;
    }
}
