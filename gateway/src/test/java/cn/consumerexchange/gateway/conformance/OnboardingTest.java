package cn.consumerexchange.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.consumerexchange.gateway.conformance.CertificationReport.Check;

/**
 * Onboarding without code: Shantou, a partner defined only in test resources (descriptor, XSLT mapping, samples),
 * is certified by the conformance kit; copies with a broken mapping fail with a report that says what and where.
 */
class OnboardingTest {

    static final Path SHANTOU = Path.of("src/test/resources/onboarding/shantou");

    @Test
    void newPartnerIsCertified() {
        CertificationReport report = ConformanceKit.certify(SHANTOU);

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.certified()).isTrue();
        assertThat(report.checks()).extracting(Check::check).contains("mapping loads", "carries the transfer loop",
                "reads complaint.xml", "reads status-update.xml", "complaint in", "duplicate complaint",
                "status feedback out", "complaint out", "status in",
                "rejects INVALID_CREDIT_CODE-bad-check-character.xml",
                "rejects UNTRANSLATABLE_NATIVE_MESSAGE-evidence-not-carried.xml", "contract complaint both ways",
                "complaint.xml both ways", "status-update.xml both ways");
    }

    @Test
    void mappingThatLosesAFieldFailsNamingTheSampleAndTheContractPath(@TempDir Path folder) throws IOException {
        copy(SHANTOU, folder);
        Path mapping = folder.resolve("formats/st-xml/to-contract.xsl");
        Files.writeString(mapping, Files.readString(mapping).replace("business/area[", "business/region["));

        CertificationReport report = ConformanceKit.certify(folder);

        assertThat(report.certified()).isFalse();
        assertThat(report.failures()).filteredOn(check -> check.check().equals("reads complaint.xml"))
                .singleElement().extracting(Check::detail).asString()
                .contains("complaint.xml")
                .contains("MISSING_FIELD at /ExchangeMessage/Complaint/Respondent/DivisionCode");
        assertThat(report.render()).contains("NOT CERTIFIED");
    }

    @Test
    void mappingThatDoesNotCompileFailsNamingFileAndLine(@TempDir Path folder) throws IOException {
        copy(SHANTOU, folder);
        Path mapping = folder.resolve("formats/st-xml/from-contract.xsl");
        Files.writeString(mapping, Files.readString(mapping).replace("<xsl:template match=\"Acknowledgement\">",
                "<xsl:template match=\"Acknowledgement\"><xsl:value-of select=\"((\"/>"));

        CertificationReport report = ConformanceKit.certify(folder);

        assertThat(report.certified()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.check()).isEqualTo("mapping loads");
            assertThat(failure.detail()).contains("formats/st-xml/from-contract.xsl:");
        });
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
