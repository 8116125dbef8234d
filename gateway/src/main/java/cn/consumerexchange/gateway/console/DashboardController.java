package cn.consumerexchange.gateway.console;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.consumerexchange.gateway.partner.PartnerOverview;
import cn.consumerexchange.gateway.partner.PartnerStatus;

/**
 * {@code /console/dashboard} (总览): tiles for what is in flight, failed, rejected, quarantined and delivered, and the
 * partners something waits for, the longest waiting first.
 */
@Controller
class DashboardController {

    private final DashboardFigures figures;
    private final PartnerOverview partners;

    DashboardController(DashboardFigures figures, PartnerOverview partners) {
        this.figures = figures;
        this.partners = partners;
    }

    @GetMapping("/console/dashboard")
    String dashboard(Model model) {
        List<PartnerStatus> all = partners.all();
        model.addAttribute("tiles", figures.tiles(all.stream().map(PartnerStatus::code).toList()));
        model.addAttribute("waiting", all.stream()
                .filter(partner -> partner.health().backlog() > 0 || partner.health().failed() > 0
                        || !"CLOSED".equals(partner.circuit()))
                .sorted(Comparator.comparing((PartnerStatus partner) -> partner.health().oldestWaiting(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        return "console/dashboard";
    }
}
