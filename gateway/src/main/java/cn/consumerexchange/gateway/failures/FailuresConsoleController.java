package cn.consumerexchange.gateway.failures;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.consumerexchange.gateway.audit.ActingOperator;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.transfer.DeliveryErrorCode;
import cn.consumerexchange.gateway.transfer.DeliveryRetry;
import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * The console's failures page (失败处理, {@code /console/failures}): failed and waiting deliveries with filters, a retry
 * per message, a bulk retry of what the filters match (previewed first: {@code POST /console/failures/preview} shows
 * how many, {@code POST /console/failures/retry} does it), and the dead letters.
 */
@Controller
@RequestMapping("/console/failures")
class FailuresConsoleController {

    private static final int PAGE_SIZE = 50;
    private static final int DEAD_LETTERS_SHOWN = 20;

    private final FailedDeliveries failures;
    private final BulkRetry bulk;
    private final DeliveryRetry retries;

    FailuresConsoleController(FailedDeliveries failures, BulkRetry bulk, DeliveryRetry retries) {
        this.failures = failures;
        this.bulk = bulk;
        this.retries = retries;
    }

    /**
     * The page's filters, as the filter form sends them and the bulk form repeats them.
     *
     * @param state one state, or empty for both in the table; a bulk retry then takes {@code DELIVERY_FAILED}
     */
    record Filters(String receiver, MessageState state, String messageType, String caseRef) {

        FailureFilter forTable() {
            List<MessageState> states = state == null ? List.copyOf(FailureFilter.FAILURE_STATES) : List.of(state);
            return new FailureFilter(receiver, states, messageType, null, null, null, caseRef);
        }

        FailureFilter forBulkRetry() {
            List<MessageState> states = state == null ? List.of() : List.of(state);
            return new FailureFilter(receiver, states, messageType, null, null, null, caseRef);
        }

        String query() {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/failures");
            add(uri, "receiver", receiver);
            add(uri, "state", state == null ? null : state.name());
            add(uri, "messageType", messageType);
            add(uri, "caseRef", caseRef);
            return uri.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder uri, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        }
    }

    @GetMapping
    String page(@ModelAttribute("filters") Filters filters, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("failures", failures.page(filters.forTable(), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("deadLetters", failures.deadLetters(0, DEAD_LETTERS_SHOWN));
        model.addAttribute("states", FailureFilter.FAILURE_STATES.stream().sorted().toList());
        model.addAttribute("errorCodes", DeliveryErrorCode.values());
        return "console/failures";
    }

    @PostMapping("/preview")
    String preview(@ModelAttribute("filters") Filters filters, @RequestParam(required = false) String reason,
            Model model) {
        model.addAttribute("preview", bulk.preview(filters.forBulkRetry(), null));
        model.addAttribute("reason", reason);
        return page(filters, 0, model);
    }

    @PostMapping("/retry")
    String retryAll(@ModelAttribute("filters") Filters filters, @RequestParam(required = false) String reason,
            Principal principal, Model model, RedirectAttributes redirect) {
        if (OperatorRequestException.missing(reason)) {
            model.addAttribute("reasonMissing", true);
            return preview(filters, reason, model);
        }
        redirect.addFlashAttribute("bulkResult",
                bulk.retry(filters.forBulkRetry(), null, ActingOperator.name(principal), reason));
        return "redirect:" + filters.query();
    }

    @PostMapping("/{ledgerId}/retry")
    String retryOne(@PathVariable long ledgerId, @ModelAttribute("filters") Filters filters,
            @RequestParam(required = false) String reason, Principal principal, RedirectAttributes redirect) {
        DeliveryRetry.Result result = retries.retry(ledgerId, ActingOperator.name(principal), reason);
        redirect.addFlashAttribute("retryResult", result);
        redirect.addFlashAttribute("retriedId", ledgerId);
        return "redirect:" + filters.query();
    }
}
