package cn.consumerexchange.gateway.ledger.chain;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ledger/verification}: verifies the whole chain now; {@code intact} false names the first break. */
@RestController
class LedgerVerificationController {

    private final LedgerChainVerifier verifier;

    LedgerVerificationController(LedgerChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/ledger/verification")
    ChainVerification verification() {
        return verifier.verify();
    }
}
