package cn.consumerexchange.gateway.evidence;

import java.util.regex.Pattern;

/** The form of an evidence file's key: its SHA-256 as 64 lowercase hexadecimal digits, as the contract writes it. */
final class EvidenceDigests {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceDigests() {
    }

    static boolean isSha256(String candidate) {
        return candidate != null && SHA256.matcher(candidate).matches();
    }
}
