package cn.consumerexchange.gateway.ledger;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read access to a transferred case and every message the ledger holds for it. */
@RestController
class TransferController {

    private final TransferLedger ledger;

    TransferController(TransferLedger ledger) {
        this.ledger = ledger;
    }

    record CaseView(TransferCase transfer, List<LedgerEntry> messages) {
    }

    @GetMapping("/api/transfers/{gatewayRef}")
    ResponseEntity<CaseView> transfer(@PathVariable String gatewayRef) {
        return ledger.findCase(gatewayRef)
                .map(found -> ResponseEntity.ok(new CaseView(found, ledger.entriesOf(gatewayRef))))
                .orElse(ResponseEntity.notFound().build());
    }
}
