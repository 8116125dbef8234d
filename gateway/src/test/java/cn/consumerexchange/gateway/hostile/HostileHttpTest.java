package cn.consumerexchange.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import cn.consumerexchange.gateway.hostile.HostileCorpus.HostileCase;

/** Every hostile input of every format on the HTTP intake, as the format's partner sends it. */
class HostileHttpTest extends AbstractHostileIntakeTest {

    /**
     * Far above any answer's time, so not a speed assertion: it ends an input the gateway chews on for minutes (a
     * pattern that backtracks on a 1 MB text) instead of leaving the suite waiting on it.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @BeforeAll
    void answersAreAwaitedBoundedly() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(ANSWER_TIMEOUT);
        http.getRestTemplate().setRequestFactory(requests);
    }

    static List<HostileCase> inputs() {
        return HostileCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void inputIsAnsweredWithItsCodeKeptAndTheGatewayStaysUp(HostileCase hostile) throws Exception {
        String partner = HostileCorpus.PARTNER_OF_FORMAT.get(hostile.format());
        String messageId = messageId("H", hostile);
        byte[] input = hostile.render(messageId, nonce());
        int quarantinedBefore = quarantinedCopies(partner, input);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        headers.set("X-Partner-Token", token(partner));
        ResponseEntity<byte[]> answer = http.postForEntity("/api/partners/" + partner + "/messages",
                new HttpEntity<>(input, headers), byte[].class);

        assertThat(answer.getStatusCode()).as("HTTP status")
                .isEqualTo(hostile.accepted() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_ENTITY);
        assertAnswered(hostile, NativeAnswer.read(hostile.format(), answer.getBody()));
        assertKept(partner, hostile, messageId, input, quarantinedBefore);
        assertHealthUp();
    }
}
