package cn.consumerexchange.gateway.timeline;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;


/** The console's case page: the case's header and its timeline (案件时间线). */
@Controller
class CaseConsoleController {

    private final CaseTimeline timelines;

    CaseConsoleController(CaseTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/console/cases/{gatewayRef}")
    String timeline(@PathVariable String gatewayRef, Model model) {
        CaseTimeline.Timeline timeline = timelines.of(gatewayRef)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + gatewayRef));
        model.addAttribute("timeline", timeline);
        return "console/case";
    }
}
