package cn.consumerexchange.gateway.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Jurisdiction (管辖) as decided when a case was opened, kept with the case for operators.
 *
 * @param rule   the rule of Order No. 121 that decided, e.g. {@code ART13_PLACE_OF_BUSINESS} or
 *               {@code ART14_FIRST_RECEIVER}
 * @param detail the explanation, in Chinese then English, naming every authority with jurisdiction
 * @param toTell the other authorities with jurisdiction (partner codes), told that this case's receiver handles it
 */
public record CaseJurisdiction(String rule, String detail, List<String> toTell) {

    public CaseJurisdiction {
        toTell = List.copyOf(toTell);
    }

    /** As the columns hold it, or {@code null} for a case opened before jurisdiction was recorded. */
    public static CaseJurisdiction of(String rule, String detail, String toTell) {
        if (rule == null) {
            return null;
        }
        return new CaseJurisdiction(rule, detail,
                toTell == null || toTell.isBlank() ? List.of() : Arrays.asList(toTell.split(" ")));
    }

    /** The explanation's lines: Chinese, then English. */
    public List<String> detailLines() {
        return detail == null ? List.of() : List.of(detail.split("\n"));
    }

    String toTellColumn() {
        return toTell.isEmpty() ? null : String.join(" ", toTell);
    }
}
