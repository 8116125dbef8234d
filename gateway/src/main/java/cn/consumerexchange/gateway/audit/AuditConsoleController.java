package cn.consumerexchange.gateway.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's audit page (操作审计): the same search as {@code GET /api/audit}, as filters and a table. */
@Controller
class AuditConsoleController {

    private final OperatorAudit audit;
    private final AuditSearch search;

    AuditConsoleController(OperatorAudit audit, AuditSearch search) {
        this.audit = audit;
        this.search = search;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) String operator, @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, Model model) {
        try {
            OperatorAudit.Page found = audit.search(search.query(operator, action, outcome, subject, from, to, page,
                    AuditSearch.DEFAULT_SIZE));
            model.addAttribute("found", found);
            model.addAttribute("pages", (found.total() + found.size() - 1) / found.size());
        } catch (AuditSearch.UnreadableFilterException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "console/audit";
    }
}
