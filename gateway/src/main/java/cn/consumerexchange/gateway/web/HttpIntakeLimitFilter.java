package cn.consumerexchange.gateway.web;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.web.BodyDeadlineRequest.BodyDeadlineExceeded;

/**
 * Bounds the worker threads partners' messages on the HTTP intake can hold, since the intake reads a body with
 * blocking reads: at most {@link HttpIntakeLimits#maxConcurrentRequests()} at once, each body read by
 * {@link HttpIntakeLimits#bodyDeadline()}. So slow senders, even with a valid token, can neither keep one thread for
 * long nor take the threads the health check and other partners need.
 */
final class HttpIntakeLimitFilter extends OncePerRequestFilter {

    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(HttpIntakeLimitFilter.class);

    private final HttpIntakeLimits limits;
    private final Semaphore permits;
    private final Clock clock;
    private final ObjectMapper json;

    HttpIntakeLimitFilter(HttpIntakeLimits limits, Clock clock, ObjectMapper json) {
        this.limits = limits;
        this.permits = new Semaphore(limits.maxConcurrentRequests());
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/messages"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.GATEWAY_UNAVAILABLE,
                    "The gateway is taking as many messages as it can; send this one again later");
            return;
        }
        try {
            chain.doFilter(new BodyDeadlineRequest(request, clock, clock.instant().plus(limits.bodyDeadline())),
                    response);
        } catch (BodyDeadlineExceeded tooSlow) {
            log.warn("A message to {} from {} was not received within {}; answered 408", request.getRequestURI(),
                    request.getRemoteAddr(), limits.bodyDeadline());
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, HttpStatus.REQUEST_TIMEOUT, ErrorCode.GATEWAY_UNAVAILABLE,
                        "The message was not received within " + limits.bodyDeadline().toSeconds() + " s");
            }
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
