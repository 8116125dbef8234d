package cn.consumerexchange.gateway.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * The HTTP intake for partners that push: {@code POST /api/partners/{code}/messages} with the native message as the
 * body and the partner's token in {@code X-Partner-Token}. The answer, in the partner's native format, is the
 * response: 202 when accepted, 422 when rejected, and 503 with {@code Retry-After} and the code
 * {@code GATEWAY_UNAVAILABLE} when the gateway cannot record the message now (starting, stopping, its database or
 * broker away): nothing was accepted, and the partner sends the message again later under the same id.
 */
@RestController
class PartnerIntakeController {

    static final String TOKEN_HEADER = "X-Partner-Token";
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(PartnerIntakeController.class);

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final Environment environment;
    private final ProducerTemplate camel;
    private final MessageIntake intake;
    private final UnavailableAnswers unavailableAnswers;
    private final int maxMessageBytes;

    PartnerIntakeController(PartnerRegistry partners, AdapterCatalog adapters, Environment environment,
            ProducerTemplate camel, MessageIntake intake, UnavailableAnswers unavailableAnswers,
            ExchangeProperties properties) {
        this.partners = partners;
        this.adapters = adapters;
        this.environment = environment;
        this.camel = camel;
        this.intake = intake;
        this.unavailableAnswers = unavailableAnswers;
        this.maxMessageBytes = properties.maxMessageBytes();
    }

    @PostMapping("/api/partners/{code}/messages")
    ResponseEntity<byte[]> receive(@PathVariable String code,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, HttpServletRequest request)
            throws IOException {
        Partner partner = partners.find(code).filter(found -> tokenMatches(found, token)).orElse(null);
        if (partner == null) {
            // The same answer for an unknown partner and a wrong token: neither tells a prober which codes exist.
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN)
                    .body("Unknown partner or wrong X-Partner-Token".getBytes(StandardCharsets.UTF_8));
        }
        // Read as sent, whatever the declared content type: a form content type would otherwise have the body
        // re-encoded as request parameters.
        InboundBody body = InboundBody.read(request.getInputStream(), maxMessageBytes);
        PartnerAdapter adapter = adapters.forFormat(partner.format());
        if (!camel.getCamelContext().isStarted()) {
            return unavailable(partner, adapter, "The gateway is starting or stopping");
        }
        if (body.tooLarge()) {
            IntakeResult refused = intake.refuseTooLarge(code, body.head(), body.size(), body.sha256());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .contentType(MediaType.parseMediaType(adapter.mediaType()))
                    .body(refused.nativeAnswer());
        }
        Exchange done = camel.send(Endpoints.INTAKE, exchange -> {
            exchange.getMessage().setBody(body.head());
            exchange.getMessage().setHeader(Endpoints.PARTNER_HEADER, code);
        });
        if (done.getException() != null) {
            log.warn("Intake of a message from {} failed; answered 503", code, done.getException());
            return unavailable(partner, adapter, "The gateway could not record the message ("
                    + done.getException().getClass().getSimpleName() + ")");
        }
        IntakeResult result = done.getProperty(Endpoints.INTAKE_RESULT, IntakeResult.class);
        return ResponseEntity.status(result.accepted() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.parseMediaType(adapter.mediaType()))
                .body(result.nativeAnswer());
    }

    private ResponseEntity<byte[]> unavailable(Partner partner, PartnerAdapter adapter, String why) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType(adapter.mediaType()))
                .body(unavailableAnswers.answer(partner.code(), why));
    }

    private boolean tokenMatches(Partner partner, String token) {
        String expected = partner.credentialsRef() == null ? null : environment.getProperty(partner.credentialsRef());
        return expected != null && token != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
