package cn.consumerexchange.adapter.xslt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import cn.consumerexchange.adapter.UntranslatableMessageException;

/** Text-based native messages (JSON, CSV) are UTF-8; bytes that are not are refused rather than guessed at. */
final class NativeText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private NativeText() {
    }

    /** The text, without a leading byte order mark. */
    static String decode(byte[] bytes, String path) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UntranslatableMessageException(null, path, "The message is not UTF-8 text.");
        }
    }
}
