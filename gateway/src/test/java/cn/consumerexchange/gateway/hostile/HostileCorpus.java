package cn.consumerexchange.gateway.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hostile inputs of {@code src/test/resources/hostile/manifest.csv}: per format, attacks and malformed variants
 * of the format's valid message, each with the code its answer must carry and where the input must be kept.
 */
final class HostileCorpus {

    /** One partner per built-in format, with the transport-independent HTTP intake in mind. */
    static final Map<String, String> PARTNER_OF_FORMAT = Map.of("gba-xml", "SZ", "yrd-json", "SH", "hkmo-xml", "MO",
            "hlj-csv", "HL", "n12315-json", "N12315");

    /** A text of 1 MB, under the 1 MiB message limit: over any field's length, under the document's. */
    static final int LONG_TEXT_CHARS = 1_000_000;
    /** Over {@code exchange.max-message-bytes}, 1 MiB by default. */
    static final int OVER_LIMIT_CHARS = 1024 * 1024 + 50_000;
    static final int DEEP_LEVELS = 10_000;
    static final int ATTRIBUTES = 100;

    private HostileCorpus() {
    }

    /** Where an input must be found after its answer. */
    enum Kept {
        /** A ledger row under the message id. */
        LEDGER,
        /** A quarantined_input row with the input's SHA-256. */
        QUARANTINE,
        /** Either: the format allows the id to be read first or not. */
        ANY
    }

    /**
     * @param expected the code the answer must carry, or one of several separated by {@code |}, or {@code ACCEPTED}
     */
    record HostileCase(String format, String name, String input, String expected, Kept kept) {

        boolean accepted() {
            return "ACCEPTED".equals(expected);
        }

        List<String> expectedCodes() {
            return Arrays.asList(expected.split("\\|"));
        }

        /** The input as sent: placeholders filled in, big inputs made from the format's valid message. */
        byte[] render(String messageId, String nonce) {
            byte[] template = input.startsWith("gen:") ? generated(input.substring(4)) : resource(format + "/" + input);
            // Byte-wise on ISO-8859-1, so invalid UTF-8 and NUL bytes of the template are sent as they are.
            String text = new String(template, StandardCharsets.ISO_8859_1)
                    .replace("${FACTS}", "hostile-suite ${NONCE}")
                    .replace("${NONCE}", nonce)
                    .replace("${ID}", messageId);
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return format + "/" + name + " -> " + expected;
        }

        private byte[] generated(String kind) {
            String valid = new String(resource(format + "/" + validFile()), StandardCharsets.UTF_8);
            boolean xml = validFile().endsWith(".xml");
            String made = switch (kind) {
                case "long-text" -> valid.replace("${FACTS}", "A".repeat(LONG_TEXT_CHARS));
                case "over-limit" -> valid.replace("${FACTS}", "A".repeat(OVER_LIMIT_CHARS));
                case "deep-nesting" -> xml
                        ? valid.replace("${FACTS}", "<d>".repeat(DEEP_LEVELS) + "</d>".repeat(DEEP_LEVELS))
                        : valid.replace("\"${FACTS}\"", "[".repeat(DEEP_LEVELS) + "]".repeat(DEEP_LEVELS));
                case "many-attributes" -> {
                    StringBuilder element = new StringBuilder("<d");
                    for (int i = 0; i < ATTRIBUTES; i++) {
                        element.append(" a").append(i).append("=\"").append(i).append('"');
                    }
                    yield valid.replace("${FACTS}", element.append("/>").toString());
                }
                default -> throw new IllegalArgumentException("No generator " + kind);
            };
            return made.getBytes(StandardCharsets.UTF_8);
        }

        private String validFile() {
            return format.endsWith("-xml") ? "valid.xml" : format.endsWith("-json") ? "valid.json" : "valid.csv";
        }
    }

    static List<HostileCase> all() {
        return new String(resource("manifest.csv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("format,"))
                .map(line -> line.split(",", -1))
                .map(f -> new HostileCase(f[0], f[1], f[2], f[3], Kept.valueOf(f[4].toUpperCase())))
                .toList();
    }

    static List<HostileCase> of(String format) {
        List<HostileCase> cases = all().stream().filter(c -> c.format().equals(format)).toList();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("No hostile inputs for " + format);
        }
        return cases;
    }

    static byte[] resource(String path) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No hostile input " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
