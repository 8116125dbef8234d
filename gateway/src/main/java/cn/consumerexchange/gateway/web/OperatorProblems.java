package cn.consumerexchange.gateway.web;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the operators' API as {@code application/problem+json} with a {@code code}, as partners get theirs: the
 * one place they are written. The partner intake, in the transfer package too, throws none of these: it answers in the
 * partner's own format.
 */
@RestControllerAdvice(basePackages = {"cn.consumerexchange.gateway.search", "cn.consumerexchange.gateway.timeline",
        "cn.consumerexchange.gateway.privacy", "cn.consumerexchange.gateway.failures",
        "cn.consumerexchange.gateway.transfer"})
public class OperatorProblems {

    @ExceptionHandler(OperatorRequestException.class)
    ResponseEntity<ProblemDetail> refused(OperatorRequestException refused) {
        return problem(refused.code(), refused.getMessage());
    }

    /** A path variable or parameter of the wrong type, e.g. a message id that is not a number. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException mistyped) {
        return problem(OperatorRequestException.Code.INVALID_CRITERIA,
                "Parameter " + mistyped.getName() + " is not a valid value");
    }

    public static ResponseEntity<ProblemDetail> problem(OperatorRequestException.Code code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("urn:exchange:problem:" + code.name()));
        problem.setProperty("code", code.name());
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
