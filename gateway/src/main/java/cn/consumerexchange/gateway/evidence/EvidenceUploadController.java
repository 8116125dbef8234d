package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.evidence.EvidenceStore.StoredEvidence;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerTokens;

/**
 * Evidence upload over HTTP (证据上传): {@code PUT /api/partners/{code}/evidence/{sha256}} with the file as the body,
 * its {@code Content-Length}, and the partner's token in {@code X-Partner-Token}, as on the message intake. The body is
 * read from the servlet's stream straight into the store (no multipart, no buffering), checked against the declared
 * size and the digest in the path. Answered 201 when stored, 200 when the same bytes were held already, and otherwise
 * {@code application/problem+json} with the code: {@code EVIDENCE_DIGEST_MISMATCH} (422, naming both digests),
 * {@code EVIDENCE_INCOMPLETE} (400: fewer bytes than declared, cut off, or too slow), {@code EVIDENCE_TOO_LARGE}
 * (413). The optional {@code caseRef} query parameter names the case the file is for, as recorded.
 */
@RestController
class EvidenceUploadController {

    static final String TOKEN_HEADER = "X-Partner-Token";
    private static final Logger log = LoggerFactory.getLogger(EvidenceUploadController.class);

    private final PartnerTokens tokens;
    private final EvidenceIntake intake;
    private final TransferLedger ledger;
    private final EvidenceSettings settings;
    private final Clock clock;
    private final ObjectMapper json;

    EvidenceUploadController(PartnerTokens tokens, EvidenceIntake intake, TransferLedger ledger,
            EvidenceSettings settings, Clock clock, ObjectMapper json) {
        this.tokens = tokens;
        this.intake = intake;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    @PutMapping("/api/partners/{code}/evidence/{sha256}")
    void upload(@PathVariable String code, @PathVariable String sha256,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestParam(name = "caseRef", required = false) String caseRef, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Optional<Partner> partner = tokens.authenticate(code, token);
        if (partner.isEmpty()) {
            recordRefusal(code, request.getRemoteAddr(), token == null ? "No " + TOKEN_HEADER : "Unknown partner or "
                    + "wrong " + TOKEN_HEADER);
            refuse(response, Problems.problem(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                    "Unknown partner or wrong " + TOKEN_HEADER));
            return;
        }
        if (!EvidenceDigests.isSha256(sha256)) {
            refuse(response, Problems.problem(HttpStatus.BAD_REQUEST, ErrorCode.SCHEMA_VIOLATION,
                    "The path names a file by its SHA-256: 64 lowercase hexadecimal digits"));
            return;
        }
        long declaredSize = request.getContentLengthLong();
        StoredEvidence stored;
        try {
            stored = intake.receive(partner.get().code(), "HTTP", sha256, declaredSize,
                    caseRef == null || caseRef.length() > 64 ? null : caseRef,
                    new UploadDeadline(request.getInputStream(), clock, settings.uploadDeadline(declaredSize)));
        } catch (EvidenceRefusedException refusal) {
            ProblemDetail problem = Problems.problem(Problems.statusOf(refusal.code()), refusal.code(),
                    refusal.getMessage());
            problem.setProperty("sha256", sha256);
            problem.setProperty("receivedBytes", refusal.receivedBytes());
            refuse(response, problem);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sha256", stored.sha256());
        answer.put("size", stored.size());
        answer.put("alreadyHeld", stored.alreadyHeld());
        response.setStatus(stored.alreadyHeld() ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(answer));
    }

    /**
     * A body cut short is the exception: Tomcat answers a failed read itself (a plain 400, {@code sendError}) to a
     * client that has usually gone; the refusal with its code is in {@code evidence_upload}.
     */
    private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }

    /** A refusal is answered even when the ledger cannot record it. */
    private void recordRefusal(String claimedPartner, String remoteAddress, String reason) {
        try {
            ledger.refuseAccess(claimedPartner, "HTTP", remoteAddress, ErrorCode.UNAUTHENTICATED.name(), reason);
        } catch (DataAccessException e) {
            log.warn("Could not record the refused upload for {} from {}: {}", claimedPartner, remoteAddress, reason,
                    e);
        }
    }
}
