package cn.consumerexchange.gateway.timeline;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.consumerexchange.gateway.deadline.DeadlineBoard;

/** The console's case page: the case's header, its legal clocks (法定时限) and its timeline (案件时间线). */
@Controller
class CaseConsoleController {

    private final CaseTimeline timelines;
    private final DeadlineBoard deadlines;

    CaseConsoleController(CaseTimeline timelines, DeadlineBoard deadlines) {
        this.timelines = timelines;
        this.deadlines = deadlines;
    }

    @GetMapping("/console/cases/{gatewayRef}")
    String timeline(@PathVariable String gatewayRef, Model model) {
        CaseTimeline.Timeline timeline = timelines.of(gatewayRef)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + gatewayRef));
        model.addAttribute("timeline", timeline);
        model.addAttribute("clocks", deadlines.ofCase(gatewayRef));
        return "console/case";
    }
}
