package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.contract.ErrorCode;

/**
 * In front of evidence uploads, before Spring's form and multipart handling would read a body into memory: a form or
 * multipart body is refused (415) unread, and at most {@link EvidenceSettings#maxConcurrentUploads()} uploads are
 * received at once (503 with {@code Retry-After} beyond), so large uploads cannot take every worker thread.
 */
final class EvidenceUploadFilter extends OncePerRequestFilter {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;
    private final ObjectMapper json;

    EvidenceUploadFilter(EvidenceSettings settings, ObjectMapper json) {
        this.permits = new Semaphore(settings.maxConcurrentUploads());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("PUT".equals(request.getMethod()) && request.getRequestURI().contains("/evidence/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && (contentType.startsWith("multipart/")
                || contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE))) {
            Problems.write(response, json, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.SCHEMA_VIOLATION, "Send the file itself as the body, e.g. application/octet-stream"));
            return;
        }
        if (!permits.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            Problems.write(response, json, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCode.GATEWAY_UNAVAILABLE, "The gateway is receiving as many files as it can; send this one "
                            + "again later"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
