package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

/**
 * A complaint whose facts are far over the contract's 20000 characters, through the whole inbound path of hlj-csv
 * (CSV reader, to-contract.xsl, contract codec with its schema). The pattern of LongText once took minutes on such
 * a text; the time is printed, not asserted, so that a slow machine does not fail the build.
 */
class LongTextRejectionTimingTest {

    private final PartnerAdapter adapter = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("hlj-csv");

    @ParameterizedTest
    @ValueSource(ints = {100_000, 500_000, 1_000_000})
    void longFactsAreRefusedAsTooLong(int characters) {
        String complaint = Samples.text("hlj-csv/complaint-to-guangzhou.csv");
        String facts = complaint.substring(complaint.indexOf(",\"消费者在") + 1, complaint.indexOf("\",退货") + 1);
        byte[] message = complaint.replace(facts, "x".repeat(characters)).getBytes(StandardCharsets.UTF_8);
        catchThrowableOfType(UntranslatableMessageException.class, () -> adapter.toContract(message)); // warm-up

        long started = System.nanoTime();
        UntranslatableMessageException refused =
                catchThrowableOfType(UntranslatableMessageException.class, () -> adapter.toContract(message));
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("hlj-csv complaint with %,d characters of facts refused in %d ms%n", characters, millis);
        assertThat(refused.violations()).extracting(Violation::code, Violation::path).containsExactly(
                tuple(ErrorCode.FIELD_TOO_LONG, "/ExchangeMessage/Complaint/Facts"));
    }
}
