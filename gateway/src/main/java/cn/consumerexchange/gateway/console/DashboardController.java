package cn.consumerexchange.gateway.console;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.consumerexchange.gateway.deadline.ClockStatus;
import cn.consumerexchange.gateway.deadline.DeadlineBoard;
import cn.consumerexchange.gateway.partner.PartnerOverview;
import cn.consumerexchange.gateway.partner.PartnerStatus;

/**
 * {@code /console/dashboard} (总览): tiles for what is in flight, failed, rejected, quarantined and delivered, the legal
 * clocks due soon and missed, and the partners something waits for, the longest waiting first.
 */
@Controller
class DashboardController {

    private final DashboardFigures figures;
    private final PartnerOverview partners;
    private final DeadlineBoard deadlines;

    DashboardController(DashboardFigures figures, PartnerOverview partners, DeadlineBoard deadlines) {
        this.figures = figures;
        this.partners = partners;
        this.deadlines = deadlines;
    }

    @GetMapping("/console/dashboard")
    String dashboard(Model model) {
        List<PartnerStatus> all = partners.all();
        model.addAttribute("tiles", figures.tiles(all.stream().map(PartnerStatus::code).toList()));
        model.addAttribute("deadlinesDueSoon", deadlines.count(ClockStatus.DUE_SOON));
        model.addAttribute("deadlinesMissed", deadlines.count(ClockStatus.MISSED));
        model.addAttribute("waiting", all.stream()
                .filter(partner -> partner.health().backlog() > 0 || partner.health().failed() > 0
                        || !"CLOSED".equals(partner.circuit()))
                .sorted(Comparator.comparing((PartnerStatus partner) -> partner.health().oldestWaiting(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        return "console/dashboard";
    }
}
