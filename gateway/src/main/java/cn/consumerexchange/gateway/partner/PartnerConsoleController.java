package cn.consumerexchange.gateway.partner;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.consumerexchange.gateway.audit.ActingOperator;

/**
 * {@code /console/partners} (对接单位): every partner with its switch, its deliveries and how they stand, and a form
 * per partner to switch deliveries to it off or on with a reason.
 */
@Controller
class PartnerConsoleController {

    private final PartnerOverview overview;
    private final PartnerSwitchboard switchboard;

    PartnerConsoleController(PartnerOverview overview, PartnerSwitchboard switchboard) {
        this.overview = overview;
        this.switchboard = switchboard;
    }

    @GetMapping("/console/partners")
    String partners(Model model) {
        model.addAttribute("partners", overview.all());
        return "console/partners";
    }

    /** Switches deliveries to a partner on ({@code enable}) or off ({@code disable}), then back to the list. */
    @PostMapping("/console/partners/{code}/{action:enable|disable}")
    String switchPartner(@PathVariable String code, @PathVariable String action,
            @RequestParam(name = "reason", required = false) String reason, Principal principal,
            RedirectAttributes redirect) throws Exception {
        boolean on = "enable".equals(action);
        String operator = ActingOperator.name(principal);
        (on ? switchboard.enable(code, operator, reason) : switchboard.disable(code, operator, reason))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner " + code));
        redirect.addFlashAttribute("switched", code);
        redirect.addFlashAttribute("switchedOn", on);
        return "redirect:/console/partners";
    }
}
