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
 * Operators' view of the partners with their health, and the switch that stops and resumes deliveries to one. The
 * switch is kept with who switched it and when, and every instance sharing the database follows it.
 */
@RestController
class PartnerController {

    private final PartnerOverview overview;
    private final PartnerSwitchboard switchboard;

    PartnerController(PartnerOverview overview, PartnerSwitchboard switchboard) {
        this.overview = overview;
        this.switchboard = switchboard;
    }

    @GetMapping("/api/partners")
    List<PartnerStatus> partners() {
        return overview.all();
    }

    @GetMapping("/api/partners/{code}/health")
    ResponseEntity<PartnerStatus> health(@PathVariable String code) {
        return ResponseEntity.of(overview.of(code));
    }

    @PostMapping("/api/partners/{code}/enable")
    ResponseEntity<PartnerStatus> enable(@PathVariable String code,
            @RequestParam(name = "reason", required = false) String reason, Principal principal) throws Exception {
        return switchboard.enable(code, ActingOperator.name(principal), reason)
                .flatMap(partner -> overview.of(code)).map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/partners/{code}/disable")
    ResponseEntity<PartnerStatus> disable(@PathVariable String code,
            @RequestParam(name = "reason", required = false) String reason, Principal principal) throws Exception {
        return switchboard.disable(code, ActingOperator.name(principal), reason)
                .flatMap(partner -> overview.of(code)).map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
