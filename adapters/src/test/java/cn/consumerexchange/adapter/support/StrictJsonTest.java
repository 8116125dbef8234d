package cn.consumerexchange.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

class StrictJsonTest {

    private static Violation refusal(String json) {
        UntranslatableMessageException refused =
                catchThrowableOfType(UntranslatableMessageException.class, () -> StrictJson.check(json));
        assertThat(refused).as("refusal of " + json).isNotNull();
        assertThat(refused.violations()).hasSize(1);
        return refused.violations().get(0);
    }

    @Test
    void plainObjectPasses() {
        assertThatCode(() -> StrictJson.check("{\"a\": {\"b\": [\"x\", 1, 2.50, true, null]}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void keyTwiceInOneObjectIsAmbiguous() {
        assertThat(refusal("{\"a\": {\"b\": \"1\", \"b\": \"2\"}}")).isEqualTo(new Violation(
                ErrorCode.AMBIGUOUS_DOCUMENT, "$.a.b", "The key appears twice in one object at line 1, column 18."));
    }

    @Test
    void sameKeyInDifferentObjectsIsFine() {
        assertThatCode(() -> StrictJson.check("{\"a\": {\"b\": 1}, \"c\": {\"b\": 2}}")).doesNotThrowAnyException();
    }

    @Test
    void secondValueAfterTheDocumentIsAmbiguous() {
        assertThat(refusal("{\"a\": 1}\n{\"a\": 2}").code()).isEqualTo(ErrorCode.AMBIGUOUS_DOCUMENT);
    }

    @Test
    void garbageAfterTheDocumentIsAmbiguous() {
        assertThat(refusal("{\"a\": 1} trailing").code()).isEqualTo(ErrorCode.AMBIGUOUS_DOCUMENT);
    }

    @Test
    void brokenJsonGivesThePositionAndNotTheContent() {
        assertThat(refusal("{\"name\": 李晓华}")).isEqualTo(
                new Violation(ErrorCode.MALFORMED_JSON, "$", "Not valid JSON at line 1, column 13."));
    }

    @Test
    void emptyMessageIsMalformed() {
        assertThat(refusal("  ").code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void nestingAtTheLimitPassesAndOneDeeperIsRefused() {
        assertThatCode(() -> StrictJson.check("[".repeat(32) + "]".repeat(32))).doesNotThrowAnyException();
        assertThat(refusal("[".repeat(33) + "]".repeat(33)).code()).isEqualTo(ErrorCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void numberWithAnExponentIsTooLarge() {
        assertThat(refusal("{\"je\": 1E+999999999}")).isEqualTo(new Violation(ErrorCode.NUMBER_TOO_LARGE,
                "$.je", "The number has an exponent; write it out in digits."));
        assertThat(refusal("{\"je\": 1e2}").code()).isEqualTo(ErrorCode.NUMBER_TOO_LARGE);
    }

    @Test
    void numberOfMoreThanFortyCharactersIsTooLarge() {
        assertThatCode(() -> StrictJson.check("[" + "9".repeat(40) + "]")).doesNotThrowAnyException();
        assertThat(refusal("[" + "9".repeat(41) + "]").code()).isEqualTo(ErrorCode.NUMBER_TOO_LARGE);
        assertThat(refusal("[" + "9".repeat(100_000) + "]").code()).isEqualTo(ErrorCode.NUMBER_TOO_LARGE);
    }

    @Test
    void stringOverTheCapIsTooLong() {
        assertThatCode(() -> StrictJson.check("[\"" + "x".repeat(StrictJson.MAX_STRING_CHARS) + "\"]"))
                .doesNotThrowAnyException();
        assertThat(refusal("{\"tsnr\": \"" + "x".repeat(StrictJson.MAX_STRING_CHARS + 1) + "\"}"))
                .extracting(Violation::code, Violation::path)
                .containsExactly(ErrorCode.FIELD_TOO_LONG, "$.tsnr");
    }

    @Test
    void escapedNulIsAnIllegalCharacterAtItsPath() {
        assertThat(refusal("{\"tsxx\": {\"sq\": [\"01\", \"a\\u0000b\"]}}"))
                .extracting(Violation::code, Violation::path)
                .containsExactly(ErrorCode.ILLEGAL_CHARACTER, "$.tsxx.sq[1]");
    }

    @Test
    void unpairedSurrogateAndNonCharacterAreIllegal() {
        assertThat(refusal("[\"\\uD800\"]").code()).isEqualTo(ErrorCode.ILLEGAL_CHARACTER);
        assertThat(refusal("[\"\uFFFF\"]").code()).isEqualTo(ErrorCode.ILLEGAL_CHARACTER);
        assertThatCode(() -> StrictJson.check("[\"\\uD83D\\uDE20 \\t\"]")).doesNotThrowAnyException();
    }

    @Test
    void illegalCharacterInAKeyIsRefusedToo() {
        assertThat(refusal("{\"a\\u0001\": 1}").code()).isEqualTo(ErrorCode.ILLEGAL_CHARACTER);
    }

    @Test
    void keyThatIsNotPlainIsNotRepeatedInThePath() {
        assertThat(refusal("{\"李晓华 13800138000\": 1E5}").path()).isEqualTo("$[?]");
    }
}
