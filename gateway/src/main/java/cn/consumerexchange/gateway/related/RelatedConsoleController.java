package cn.consumerexchange.gateway.related;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's page of related cases (并案) and advisory flags (art. 17): recent links and flags, newest first. */
@Controller
class RelatedConsoleController {

    private static final int PAGE_SIZE = 50;

    private final RelatedCaseViews views;

    RelatedConsoleController(RelatedCaseViews views) {
        this.views = views;
    }

    @GetMapping("/console/related")
    String related(@RequestParam(required = false) AdvisoryFlag.Kind flag, @RequestParam(defaultValue = "0") int page,
            Locale locale, Model model) {
        model.addAttribute("recent", views.recent(flag, Math.max(page, 0), PAGE_SIZE, locale));
        model.addAttribute("flag", flag);
        model.addAttribute("kinds", AdvisoryFlag.Kind.values());
        return "console/related";
    }
}
