package cn.consumerexchange.gateway.privacy;

import java.security.Principal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.audit.ActingOperator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Payloads for operators: masked on GET, as stored on POST with a reason (roles OPERATOR or AUDITOR; the security
 * rules decide), every unmasking audited as {@value PayloadViews#UNMASK_PAYLOAD}.
 */
@RestController
@Tag(name = "Payloads", description = "Stored payloads, personal data masked; unmasking needs a reason and is audited")
class PayloadController {

    private final PayloadViews payloads;

    PayloadController(PayloadViews payloads) {
        this.payloads = payloads;
    }

    @GetMapping("/api/messages/{id}/payload")
    @Operation(summary = "A message's payload as contract XML, personal data masked",
            description = "Withheld (with its SHA-256 and size) when it cannot be read into the contract.")
    PayloadView message(@PathVariable long id) {
        return payloads.masked(id);
    }

    @PostMapping("/api/messages/{id}/payload/unmasked")
    @Operation(summary = "A message's payload as received, unmasked; audited as UNMASK_PAYLOAD")
    ResponseEntity<byte[]> unmaskedMessage(@PathVariable long id,
            @Parameter(description = "Why the personal data must be seen (required)") @RequestParam(required = false)
            String reason, Principal principal) {
        return asStored(payloads.unmasked(id, ActingOperator.name(principal), reason));
    }

    @GetMapping("/api/quarantine/{id}/payload")
    @Operation(summary = "Quarantined input: withheld, with its SHA-256 and size")
    PayloadView quarantined(@PathVariable long id) {
        return payloads.withheldQuarantined(id);
    }

    @PostMapping("/api/quarantine/{id}/payload/unmasked")
    @Operation(summary = "Quarantined input as received; audited as UNMASK_PAYLOAD")
    ResponseEntity<byte[]> unmaskedQuarantined(@PathVariable long id,
            @Parameter(description = "Why the input must be seen (required)") @RequestParam(required = false)
            String reason, Principal principal) {
        return asStored(payloads.unmaskedQuarantined(id, ActingOperator.name(principal), reason));
    }

    /** Personal data, so no cache keeps it. */
    private static ResponseEntity<byte[]> asStored(PayloadViews.Unmasked payload) {
        return ResponseEntity.ok()
                .contentType(payload.contentType())
                .cacheControl(CacheControl.noStore())
                .body(payload.bytes());
    }
}
