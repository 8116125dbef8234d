package cn.consumerexchange.gateway.related;

import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Related cases (并案) and advisory flags (art. 17) for operators, reasons in the operator's language:
 * <ul>
 * <li>{@code GET /api/cases/{gatewayRef}/related}: the case's links (lead, other, score, reasons, whether the art. 16
 * ground was offered, how the other authority was told) and the flags it raised.</li>
 * <li>{@code GET /api/related?flag=&page=&size=}: recent links and flags, newest first; {@code flag}
 * ({@code RESPONDENT_BURST}, {@code SHARED_PHONE}) lists only the flags of that kind.</li>
 * <li>{@code GET /api/related/sweep}: how many accepted cases are still to be looked at for related cases, and when
 * the oldest of them was received.</li>
 * </ul>
 */
@RestController
class RelatedCaseController {

    private static final int MAX_PAGE_SIZE = 200;

    private final RelatedCaseViews views;
    private final RelatedCaseSweep sweep;

    RelatedCaseController(RelatedCaseViews views, RelatedCaseSweep sweep) {
        this.views = views;
        this.sweep = sweep;
    }

    @GetMapping("/api/cases/{gatewayRef}/related")
    RelatedCaseViews.CaseRelations related(@PathVariable String gatewayRef, Locale locale) {
        return views.of(gatewayRef, locale);
    }

    @GetMapping("/api/related")
    RelatedCaseViews.Recent recent(@RequestParam(required = false) AdvisoryFlag.Kind flag,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Locale locale) {
        return views.recent(flag, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), locale);
    }

    @GetMapping("/api/related/sweep")
    RelatedCaseSweep.Progress sweep() {
        return sweep.progress();
    }
}
