package cn.consumerexchange.gateway.recognition;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * Serves a signed original (原件) through the short-lived link its receiver was given with the delivery,
 * {@code /api/signed-originals/<sender>/<message id>?receiver=..&expires=..&token=..} (see {@link ReceiverLinks}): the
 * sender's bytes as sent, with the signature and the gateway's verdict in headers. A forged or expired link is
 * answered 403.
 */
@RestController
class SignedOriginalController {

    /** The links' resource kind, their path under {@code /api/}. */
    static final String KIND = "signed-originals";

    private final ReceiverLinks links;
    private final SignedOriginals originals;

    SignedOriginalController(ReceiverLinks links, SignedOriginals originals) {
        this.links = links;
        this.originals = originals;
    }

    @GetMapping("/api/" + KIND + "/{sender}/{messageId}")
    ResponseEntity<?> original(@PathVariable String sender, @PathVariable String messageId,
            @RequestParam(required = false) String receiver, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String token) {
        if (links.check(receiver, expires, token, KIND, sender, messageId) != ReceiverLinks.Check.VALID) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", ErrorCode.UNAUTHENTICATED.name(), "reason",
                            "The link is not one the gateway made for this receiver and message, or it has expired"));
        }
        return originals.find(new MessageKey(sender, messageId)).<ResponseEntity<?>>map(original -> {
            ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(original.mediaType()))
                    .header(Recognition.HTTP_VERDICT, original.checked().verdict().outcome().name())
                    .header(Recognition.HTTP_ORIGINAL_SHA256, Sha256.hex(original.bytes()));
            if (original.checked().signature() != null) {
                response.header(Recognition.HTTP_SIGNATURE, original.checked().signature());
            }
            return response.body(original.bytes());
        }).orElse(ResponseEntity.notFound().build());
    }
}
