package cn.consumerexchange.gateway.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * The HTTP intake for partners that push: {@code POST /api/partners/{code}/messages} with the native message as the
 * body and the partner's token in {@code X-Partner-Token}. The answer, in the partner's native format, is the
 * response: 202 when accepted, 422 when rejected.
 */
@RestController
class PartnerIntakeController {

    static final String TOKEN_HEADER = "X-Partner-Token";

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final Environment environment;
    private final ProducerTemplate camel;
    private final int maxMessageBytes;

    PartnerIntakeController(PartnerRegistry partners, AdapterCatalog adapters, Environment environment,
            ProducerTemplate camel, ExchangeProperties properties) {
        this.maxMessageBytes = properties.maxMessageBytes();
        this.partners = partners;
        this.adapters = adapters;
        this.environment = environment;
        this.camel = camel;
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
        // re-encoded as request parameters. One byte over the limit is enough for the intake to refuse it.
        byte[] body = request.getInputStream().readNBytes(maxMessageBytes + 1);
        Exchange done = camel.send(Endpoints.INTAKE, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(Endpoints.PARTNER_HEADER, code);
        });
        if (done.getException() != null) {
            throw new IllegalStateException("Intake of a message from " + code + " failed", done.getException());
        }
        IntakeResult result = done.getProperty(Endpoints.INTAKE_RESULT, IntakeResult.class);
        return ResponseEntity.status(result.accepted() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.parseMediaType(adapters.forFormat(partner.format()).mediaType()))
                .body(result.nativeAnswer());
    }

    private boolean tokenMatches(Partner partner, String token) {
        String expected = partner.credentialsRef() == null ? null : environment.getProperty(partner.credentialsRef());
        return expected != null && token != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
