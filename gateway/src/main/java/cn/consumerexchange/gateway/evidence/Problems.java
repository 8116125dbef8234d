package cn.consumerexchange.gateway.evidence;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.contract.ErrorCode;

/**
 * Refusals on the evidence endpoints as {@code application/problem+json} with the machine-readable {@code code}. The
 * connection is closed with them: the rest of a refused upload is never read (see {@code web.UnreadBodyValve}).
 */
final class Problems {

    private Problems() {
    }

    static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The HTTP status a refused upload is answered with. */
    static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case EVIDENCE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case EVIDENCE_DIGEST_MISMATCH -> HttpStatus.UNPROCESSABLE_ENTITY;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
