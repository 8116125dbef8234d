package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the example commonly cited for GB 32100-2015
            "914403001922038216", // a Shenzhen company's published code
            "91310115MA1H8Q6T2C", // the samples' Shanghai Pudong respondent
            "91440300MA5FUY8E10", // check character 0: the sum is a multiple of 31
    })
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, 3",
            "91440305MA5G7K2R3, 0",
            "91310115MA1H8Q6T2, C",
            "91319915MA1H8Q6T2, 5",
    })
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(expected);
    }

    @Nested
    class InvalidCodes {

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y44", "914403001922038217", "91310115MA1H8Q6T2D"})
        void wrongCheckCharacter(String code) {
            assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
                "91350100M000100Y4",   // 17 characters
                "91350100M000100Y433", // 19 characters
                "91350100m000100y43",  // lower case
                "91350100M0001O0Y43",  // O is not in the alphabet
                "9135A100M000100Y43",  // a letter among characters 3-8
        })
        void wrongShape(String code) {
            assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
        }

        @Test
        void checkCharacterNeedsSeventeenCharacters() {
            assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9135"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "O", "S", "V", "Z"})
        void checkCharacterRefusesLettersOutsideTheAlphabet(String letter) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("91350100M000100" + letter + "4"));
        }
    }
}
