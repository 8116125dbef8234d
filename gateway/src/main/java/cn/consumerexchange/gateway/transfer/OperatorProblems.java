package cn.consumerexchange.gateway.transfer;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Refusals of an operator's request as {@code application/problem+json} with a machine-readable {@code code}, e.g.
 * {@code REASON_REQUIRED} when an action that needs a reason (重放, 批量重试) came without one.
 */
public final class OperatorProblems {

    public static final String REASON_REQUIRED = "REASON_REQUIRED";
    public static final String INVALID_FILTER = "INVALID_FILTER";

    private OperatorProblems() {
    }

    public static boolean missing(String reason) {
        return reason == null || reason.isBlank();
    }

    public static ResponseEntity<ProblemDetail> reasonRequired(String action) {
        return problem(HttpStatus.BAD_REQUEST, REASON_REQUIRED, action + " needs a reason: say why, for the audit");
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:exchange:problem:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
