package cn.consumerexchange.contract;

import java.util.Optional;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, of which characters 3–8 are
 * the registering area's GB/T 2260 division code and the last is a check character over the first 17.
 * Whether that division exists is a question for {@link DivisionCodes}, not for this class.
 */
public final class UnifiedSocialCreditCode {

    /** The 31 characters the code may use (no I, O, S, V, Z); a character's value is its index here. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;
    private static final int MODULUS = 31;

    private UnifiedSocialCreditCode() {
    }

    /**
     * True if {@code code} has 18 characters from the code's alphabet, digits in positions 3–8 and the right
     * check character.
     */
    public static boolean isValid(String code) {
        return fault(code).isEmpty();
    }

    /**
     * The check character for the first 17 characters: with weights 3^(i-1) mod 31, it is the character whose
     * value is (31 - Σ value×weight mod 31) mod 31.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code's alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !usesAlphabet(first17)) {
            throw new IllegalArgumentException("expected 17 characters from " + ALPHABET + ": " + first17);
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /** Why {@code code} is not valid, for people; empty if it is valid. */
    static Optional<String> fault(String code) {
        if (code == null || code.length() != LENGTH || !usesAlphabet(code) || !hasNumericArea(code)) {
            return Optional.of("A unified social credit code has 18 characters from " + ALPHABET
                    + ", with digits in positions 3-8.");
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        return expected == actual
                ? Optional.empty()
                : Optional.of("The check character should be " + expected + ", not " + actual + ".");
    }

    /** Characters 3–8: the GB/T 2260 code of the registering area. Only meaningful for a valid code. */
    static String areaCode(String code) {
        return code.substring(2, 8);
    }

    private static boolean usesAlphabet(String value) {
        return value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static boolean hasNumericArea(String code) {
        return areaCode(code).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
