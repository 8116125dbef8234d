package cn.consumerexchange.adapter.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;

/**
 * Text-based native messages (JSON, CSV) are UTF-8 of at most the contract's document size; bytes that are not are
 * refused rather than guessed at, before any parser sees them.
 */
public final class NativeText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private NativeText() {
    }

    /**
     * The text, without a leading byte order mark.
     *
     * @throws UntranslatableMessageException {@link ErrorCode#DOCUMENT_TOO_LARGE} or {@link ErrorCode#INVALID_ENCODING}
     */
    public static String decode(byte[] bytes, String path) {
        if (bytes.length > ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES) {
            throw new UntranslatableMessageException(null, ErrorCode.DOCUMENT_TOO_LARGE, path, "The message has "
                    + bytes.length + " bytes; at most " + ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES + " are accepted.");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UntranslatableMessageException(null, ErrorCode.INVALID_ENCODING, path,
                    "The message is not UTF-8 text.");
        }
    }
}
