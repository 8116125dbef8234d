package cn.consumerexchange.gateway.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.contract.DivisionCodes;

/** The built-in commitment registry and rates, read from the seeds as the gateway reads them. */
final class ReturnSeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReturnSeeds() {
    }

    static CommitmentRegistry registry() {
        return new CommitmentRegistry(file(CommitmentRegistry.FILE), JSON, DivisionCodes.fromClasspath());
    }

    static CommitmentRegistry registry(String json) {
        return new CommitmentRegistry(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON,
                DivisionCodes.fromClasspath());
    }

    static ExchangeRates rates() {
        return new ExchangeRates(file(ExchangeRates.FILE), JSON);
    }

    static byte[] file(String path) {
        try (InputStream in = ReturnSeeds.class.getResourceAsStream("/seeds/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No seed " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
