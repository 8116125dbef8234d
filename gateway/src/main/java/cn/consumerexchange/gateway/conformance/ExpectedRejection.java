package cn.consumerexchange.gateway.conformance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.consumerexchange.contract.ErrorCode;

/**
 * The error code a {@code rejected/} sample must be refused with, declared by its file name: the name starts with the
 * code, optionally followed by a dash and a description, e.g. {@code INVALID_CREDIT_CODE-wrong-check-character.xml}.
 * Without it any refusal would pass, whatever the reason, and a sample refused for a typo would certify nothing.
 */
final class ExpectedRejection {

    private static final Pattern WORD = Pattern.compile("[A-Z_]+");

    private ExpectedRejection() {
    }

    /** The code the sample's name declares, the longest one where codes share a prefix. */
    static Optional<ErrorCode> declaredBy(Path sample) {
        String name = sample.getFileName().toString();
        return Arrays.stream(ErrorCode.values())
                .filter(code -> name.startsWith(code.name() + "-") || name.startsWith(code.name() + "."))
                .max(Comparator.comparingInt(code -> code.name().length()));
    }

    /**
     * The error codes an answer gives: those of the ledger's reasons ({@code CODE|path|reason}, one per line) when
     * the gateway recorded the message, otherwise those named in the answer itself.
     */
    static Set<String> codesIn(Optional<String> ledgerReasons, String answer) {
        String text = ledgerReasons.map(reasons -> reasons.lines().map(line -> line.split("\\|", 2)[0])
                .collect(Collectors.joining(" "))).orElse(answer);
        Set<String> known = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        return WORD.matcher(text).results().map(match -> match.group()).filter(known::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
