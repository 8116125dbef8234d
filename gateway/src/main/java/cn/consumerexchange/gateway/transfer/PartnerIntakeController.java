package cn.consumerexchange.gateway.transfer;

import java.io.IOException;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.PartnerTokens;
import cn.consumerexchange.gateway.recognition.Recognition;
import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * The HTTP intake for partners that push: {@code POST /api/partners/{code}/messages} with the native message as the
 * body and the partner's token in {@code X-Partner-Token}. The answer, in the partner's native format, is the
 * response: 202 when accepted, 422 when rejected (also when over the size limit), and 503 with {@code Retry-After} and
 * the code {@code GATEWAY_UNAVAILABLE} when the gateway cannot record the message now (starting, stopping, its database
 * or broker away): nothing was accepted, and the partner sends the message again later under the same id. An unknown
 * partner or a wrong token gets 401 with {@code application/problem+json} and the code {@code UNAUTHENTICATED}, and is
 * recorded in {@code refused_access}. A signature (签名) of the message comes as a detached JWS in {@code X-Signature}.
 */
@RestController
class PartnerIntakeController {

    static final String TOKEN_HEADER = "X-Partner-Token";
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(PartnerIntakeController.class);

    private final PartnerRegistry partners;
    private final PartnerTokens tokens;
    private final AdapterCatalog adapters;
    private final ProducerTemplate camel;
    private final MessageIntake intake;
    private final UnavailableAnswers unavailableAnswers;
    private final TransferLedger ledger;
    private final ObjectMapper json;
    private final int maxMessageBytes;

    PartnerIntakeController(PartnerRegistry partners, PartnerTokens tokens, AdapterCatalog adapters,
            ProducerTemplate camel, MessageIntake intake, UnavailableAnswers unavailableAnswers,
            ExchangeProperties properties, TransferLedger ledger, ObjectMapper json) {
        this.partners = partners;
        this.tokens = tokens;
        this.adapters = adapters;
        this.camel = camel;
        this.intake = intake;
        this.unavailableAnswers = unavailableAnswers;
        this.ledger = ledger;
        this.json = json;
        this.maxMessageBytes = properties.maxMessageBytes();
    }

    @PostMapping("/api/partners/{code}/messages")
    ResponseEntity<byte[]> receive(@PathVariable String code,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestHeader(name = Recognition.HTTP_SIGNATURE, required = false) String signature,
            @RequestHeader(name = TraceParent.HEADER, required = false) String traceparent,
            HttpServletRequest request)
            throws IOException {
        Optional<Partner> claimed = partners.find(code);
        Partner partner = tokens.authenticate(code, token).orElse(null);
        if (partner == null) {
            recordRefusal(code, request.getRemoteAddr(), claimed.isEmpty() ? "Unknown partner"
                    : token == null ? "No X-Partner-Token" : "Wrong X-Partner-Token");
            // The same answer for an unknown partner and a wrong token: neither tells a prober which codes exist. The
            // body is left unread and the connection closed, so a slow or huge body holds no thread (see web/).
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Unknown partner or wrong " + TOKEN_HEADER);
            problem.setProperty("code", ErrorCode.UNAUTHENTICATED.name());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONNECTION, "close").body(json.writeValueAsBytes(problem));
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
            exchange.getMessage().setHeader(Endpoints.SIGNATURE_HEADER, signature);
            exchange.getMessage().setHeader(TraceParent.HEADER, traceparent);
        });
        if (done.getException() != null) {
            log.warn("Intake of a message from {} failed; answered 503", code, done.getException());
            return unavailable(partner, adapter, "The gateway could not record the message ("
                    + done.getException().getClass().getSimpleName() + ")");
        }
        IntakeResult result = done.getProperty(Endpoints.INTAKE_RESULT, IntakeResult.class);
        return ResponseEntity.status(result.accepted() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.parseMediaType(adapter.mediaType()))
                .header(TraceParent.HEADER, result.traceparent())
                .body(result.nativeAnswer());
    }

    /** A refusal is answered even when the ledger cannot record it: a database outage must not turn it into a 500. */
    private void recordRefusal(String claimedPartner, String remoteAddress, String reason) {
        try {
            ledger.refuseAccess(claimedPartner, "HTTP", remoteAddress, ErrorCode.UNAUTHENTICATED.name(), reason);
        } catch (DataAccessException e) {
            log.warn("Could not record the refused request for {} from {}: {}", claimedPartner, remoteAddress,
                    reason, e);
        }
    }

    private ResponseEntity<byte[]> unavailable(Partner partner, PartnerAdapter adapter, String why) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType(adapter.mediaType()))
                .body(unavailableAnswers.answer(partner.code(), why));
    }
}
