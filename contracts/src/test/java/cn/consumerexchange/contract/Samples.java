package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Sample documents under src/test/resources/samples and the fixed clock they are valid against. */
final class Samples {

    /** 2026-06-01 12:00 in China: every valid sample lies before it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T04:00:00Z"), ZoneOffset.UTC);

    static final List<String> MESSAGE_TYPES = List.of("complaint", "evidence", "investigation-record",
            "mediation-result", "status-update", "acknowledgement", "rejection", "return-request",
            "return-decision", "return-settlement", "report", "complaint-with-report");

    private Samples() {
    }

    static byte[] valid(String type) {
        return bytes("seeds/samples/contract/" + type + ".xml");
    }

    static ExchangeMessage validMessage(String type) {
        return ContractCodec.standard().read(valid(type));
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
