package cn.consumerexchange.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.consumerexchange.gateway.conformance.CertificationReport.Check;

/**
 * The conformance kit checks what a mapping says, not only that it is valid: Xinxiang onboards a copy of the built-in
 * {@code hlj-csv} as {@code xx-csv}. As is, it is certified; with an outgoing mapping that swaps the complainant's name
 * and the respondent's address and writes the category into the facts (valid, but wrong), it is not, and the report
 * names the fields.
 */
class RoundTripCertificationTest {

    static final Path XINXIANG = Path.of("src/test/resources/onboarding/xinxiang");
    static final Path HLJ_CSV = Path.of("../seeds/formats/hlj-csv");

    static final String CONSUMER_NAME =
            "<xsl:map-entry key=\"'consumer_name'\" select=\"string(c:Complainant/c:Name)\"/>";
    static final String MERCHANT_ADDRESS =
            "<xsl:map-entry key=\"'merchant_address'\" select=\"string(c:Respondent/c:Address)\"/>";
    static final String FACTS = "<xsl:map-entry key=\"'facts'\" select=\"string(c:Facts)\"/>";

    @Test
    void copyOfABuiltInFormatIsCertified(@TempDir Path folder) throws IOException {
        onboard(folder);

        CertificationReport report = ConformanceKit.certify(folder);

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.checks()).extracting(Check::check).contains("contract complaint both ways",
                "contract status-update both ways", "contract acknowledgement both ways",
                "contract rejection both ways", "complaint.csv both ways", "status-update.csv both ways",
                "rejects INVALID_CREDIT_CODE-bad-check-character.csv");
    }

    @Test
    void mappingThatMovesFieldsIsNotCertifiedAndTheReportNamesThem(@TempDir Path folder) throws IOException {
        onboard(folder);
        Path outgoing = folder.resolve("formats/xx-csv/from-contract.xsl");
        String mapping = Files.readString(outgoing);
        assertThat(mapping).contains(CONSUMER_NAME, MERCHANT_ADDRESS, FACTS);
        Files.writeString(outgoing, mapping
                .replace(CONSUMER_NAME, CONSUMER_NAME.replace("c:Complainant/c:Name", "c:Respondent/c:Address"))
                .replace(MERCHANT_ADDRESS, MERCHANT_ADDRESS.replace("c:Respondent/c:Address", "c:Complainant/c:Name"))
                .replace(FACTS, FACTS.replace("c:Facts", "c:Category")));

        CertificationReport report = ConformanceKit.certify(folder);

        assertThat(report.certified()).isFalse();
        assertThat(report.failures()).extracting(Check::check)
                .contains("contract complaint both ways", "complaint.csv both ways");
        assertThat(report.failures()).filteredOn(check -> check.check().equals("contract complaint both ways"))
                .singleElement().extracting(Check::detail).asString()
                .contains("/ExchangeMessage/Complaint/Complainant/Name (native column consumer_name) holds")
                .contains("sent at /ExchangeMessage/Complaint/Respondent/Address (native column merchant_address)")
                .contains("/ExchangeMessage/Complaint/Facts (native column facts) holds \"010203001\", sent at "
                        + "/ExchangeMessage/Complaint/Category (native column category)");
    }

    @Test
    void rejectionSampleMustBeRefusedWithTheCodeItsNameDeclares(@TempDir Path folder) throws IOException {
        onboard(folder);
        Path rejected = folder.resolve("samples/rejected");
        Path sample = rejected.resolve("INVALID_CREDIT_CODE-bad-check-character.csv");
        Files.copy(sample, rejected.resolve("INVALID_AMOUNT-bad-check-character.csv"));
        Files.move(sample, rejected.resolve("bad-check-character.csv"));

        CertificationReport report = ConformanceKit.certify(folder);

        assertThat(report.certified()).isFalse();
        assertThat(report.failures()).extracting(Check::check, Check::outcome).containsExactlyInAnyOrder(
                Tuple.tuple("rejects INVALID_AMOUNT-bad-check-character.csv",
                        CertificationReport.Outcome.FAIL),
                Tuple.tuple("rejects bad-check-character.csv",
                        CertificationReport.Outcome.FAIL));
        assertThat(report.render()).contains("refused with [INVALID_CREDIT_CODE], not INVALID_AMOUNT")
                .contains("must start with the error code expected");
    }

    /** The Xinxiang folder with {@code hlj-csv} copied in as its own format, {@code xx-csv}. */
    private static void onboard(Path folder) throws IOException {
        copy(XINXIANG, folder);
        Path format = folder.resolve("formats/xx-csv");
        copy(HLJ_CSV, format);
        Path descriptor = format.resolve("format.json");
        Files.writeString(descriptor, Files.readString(descriptor).replace("\"hlj-csv\"", "\"xx-csv\""));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
