package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * Evidence download for HTTP and AMQP receivers: {@code GET /api/evidence/{sha256}?receiver=..&expires=..&token=..},
 * the link their manifest's claim check holds (see {@link ReceiverLinks}). The file is streamed from the store and its
 * SHA-256 checked again on the way: the last chunk is held back until the digest of all of it is known, and when it
 * differs the response is cut short, so a receiver never gets a complete-looking corrupt file. A forged link is answered 403,
 * an expired one 401, both with the code {@code UNAUTHENTICATED}.
 */
@RestController
class EvidenceDownloadController {

    /** The links' resource kind, their path under {@code /api/}. */
    static final String KIND = "evidence";
    static final String SHA256_HEADER = "X-Evidence-Sha256";
    private static final int BUFFER = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(EvidenceDownloadController.class);

    private final ReceiverLinks links;
    private final EvidenceStore store;
    private final EvidenceRecords records;
    private final ObjectMapper json;

    EvidenceDownloadController(ReceiverLinks links, EvidenceStore store, EvidenceRecords records, ObjectMapper json) {
        this.links = links;
        this.store = store;
        this.records = records;
        this.json = json;
    }

    @GetMapping("/api/" + KIND + "/{sha256}")
    void download(@PathVariable String sha256, @RequestParam(required = false) String receiver,
            @RequestParam(required = false) String expires, @RequestParam(required = false) String token,
            HttpServletResponse response) throws IOException {
        ReceiverLinks.Check check = links.check(receiver, expires, token, KIND, sha256);
        if (check == ReceiverLinks.Check.FORGED) {
            Problems.write(response, json, Problems.problem(HttpStatus.FORBIDDEN, ErrorCode.UNAUTHENTICATED,
                    "This link was not issued for this file"));
            return;
        }
        if (check == ReceiverLinks.Check.EXPIRED) {
            Problems.write(response, json, Problems.problem(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                    "This link expired at " + Instant.ofEpochSecond(Long.parseLong(expires))));
            return;
        }
        OptionalLong size = store.size(sha256);
        if (size.isEmpty()) {
            Problems.write(response, json, Problems.problem(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_EVIDENCE,
                    "No file with this SHA-256 is held"));
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(size.getAsLong());
        response.setHeader(SHA256_HEADER, sha256);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Without keep-alive, a response cut short (below) is seen by every client as a broken download.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        try (InputStream in = store.open(sha256)) {
            String problem = streamChecked(in, response.getOutputStream(), sha256, size.getAsLong());
            if (problem != null) {
                log.error("Evidence {} in the store is corrupt ({}); its download by {} was aborted", sha256, problem,
                        receiver);
                records.recordDelivery(receiver, sha256, EvidenceRecords.Way.DOWNLOAD, "ABORTED", problem);
                // Thrown after the response was committed: Tomcat closes the connection short of Content-Length.
                throw new IOException("Evidence " + sha256 + " is corrupt in the store: " + problem);
            }
        }
        records.recordDelivery(receiver, sha256, EvidenceRecords.Way.DOWNLOAD, "SERVED", null);
    }

    /**
     * Copies {@code in} to {@code out}, holding back the last chunk until the whole file's digest and size are known.
     *
     * @return null when the bytes are the file named, else what is wrong with them (the last chunk then unsent)
     */
    static String streamChecked(InputStream in, OutputStream out, String sha256, long size) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] held = new byte[BUFFER];
        byte[] next = new byte[BUFFER];
        int heldLength = 0;
        long total = 0;
        int read;
        while ((read = in.readNBytes(next, 0, next.length)) > 0) {
            if (heldLength > 0) {
                out.write(held, 0, heldLength);
            }
            digest.update(next, 0, read);
            total += read;
            byte[] swap = held;
            held = next;
            next = swap;
            heldLength = read;
        }
        String actual = Sha256.hex(digest);
        if (total != size || !actual.equals(sha256)) {
            return "read " + total + " bytes with SHA-256 " + actual;
        }
        out.write(held, 0, heldLength);
        return null;
    }
}
