package cn.consumerexchange.gateway.partner;

import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.audit.ActingOperator;

/**
 * Operators' view of the partners, and the switch that stops and resumes deliveries to one. The logged-in operator
 * is kept with the decision, and the audit trail keeps the optional {@code reason}.
 */
@RestController
class PartnerController {

    private final PartnerRegistry partners;
    private final PartnerSwitchboard switchboard;
    private final PartnerCircuits circuits;

    PartnerController(PartnerRegistry partners, PartnerSwitchboard switchboard, PartnerCircuits circuits) {
        this.partners = partners;
        this.switchboard = switchboard;
        this.circuits = circuits;
    }

    /**
     * @param enabled    the operator's switch
     * @param delivering whether its delivery route runs now; off while switched off or while its transport is
     * @param circuit    {@code CLOSED} while the partner takes deliveries, {@code OPEN} while it is left alone after
     *                   repeated failures, {@code HALF_OPEN} while a probe tells whether it is back
     * @param delivery   how deliveries to it are retried
     */
    record PartnerView(String code, String authority, String name, String format, Transport transport,
            List<String> divisions, boolean enabled, boolean delivering, String circuit, DeliveryPolicy delivery) {
    }

    private PartnerView view(Partner partner) {
        return new PartnerView(partner.code(), partner.authority(), partner.name(), partner.format(),
                partner.transport(), partner.divisions(), switchboard.isEnabled(partner.code()),
                switchboard.isDelivering(partner.code()), circuits.state(partner.code()).name(), partner.delivery());
    }

    @GetMapping("/api/partners")
    List<PartnerView> partners() {
        return partners.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/partners/{code}/enable")
    ResponseEntity<PartnerView> enable(@PathVariable String code, @RequestParam(required = false) String reason,
            Principal principal) throws Exception {
        return switchboard.enable(code, ActingOperator.name(principal), reason).map(p -> ResponseEntity.ok(view(p)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/partners/{code}/disable")
    ResponseEntity<PartnerView> disable(@PathVariable String code, @RequestParam(required = false) String reason,
            Principal principal) throws Exception {
        return switchboard.disable(code, ActingOperator.name(principal), reason).map(p -> ResponseEntity.ok(view(p)))
                .orElse(ResponseEntity.notFound().build());
    }
}
