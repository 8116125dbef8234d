package cn.consumerexchange.gateway.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.consumerexchange.gateway.audit.ActingOperator;
import cn.consumerexchange.gateway.web.OperatorRequestException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's payload pages: the masked view, and a form asking why before it shows a payload as received (the
 * unmasking is audited as the API's is).
 */
@Controller
class PayloadConsoleController {

    private final PayloadViews payloads;

    PayloadConsoleController(PayloadViews payloads) {
        this.payloads = payloads;
    }

    @GetMapping("/console/messages/{id}/payload")
    String message(@PathVariable long id, Model model) {
        return page(model, "messages", payloads.masked(id));
    }

    @PostMapping("/console/messages/{id}/unmask")
    String unmaskMessage(@PathVariable long id, @RequestParam(required = false) String reason, Principal principal,
            Model model, HttpServletResponse response) {
        return unmask(model, response, "messages", id, payloads::masked,
                () -> payloads.unmasked(id, ActingOperator.name(principal), reason));
    }

    @GetMapping("/console/quarantine/{id}/payload")
    String quarantined(@PathVariable long id, Model model) {
        return page(model, "quarantine", payloads.withheldQuarantined(id));
    }

    @PostMapping("/console/quarantine/{id}/unmask")
    String unmaskQuarantined(@PathVariable long id, @RequestParam(required = false) String reason,
            Principal principal, Model model, HttpServletResponse response) {
        return unmask(model, response, "quarantine", id, payloads::withheldQuarantined,
                () -> payloads.unmaskedQuarantined(id, ActingOperator.name(principal), reason));
    }

    /** No such message or input: the console's not-found, not the API's problem document. */
    @ExceptionHandler(OperatorRequestException.class)
    void refused(OperatorRequestException refused, HttpServletResponse response) throws IOException {
        response.sendError(refused.code().status().value(), refused.getMessage());
    }

    private String unmask(Model model, HttpServletResponse response, String kind, long id,
            LongFunction<PayloadView> masked, Supplier<PayloadViews.Unmasked> unmasking) {
        try {
            PayloadViews.Unmasked unmasked = unmasking.get();
            model.addAttribute("unmasked", new String(unmasked.bytes(), StandardCharsets.UTF_8));
            model.addAttribute("contentType", unmasked.contentType().toString());
        } catch (OperatorRequestException refused) {
            if (refused.code() == OperatorRequestException.Code.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.code().status().value());
            model.addAttribute("error", refused.code().name());
        }
        return page(model, kind, masked.apply(id));
    }

    private static String page(Model model, String kind, PayloadView view) {
        model.addAttribute("kind", kind);
        model.addAttribute("view", view);
        model.addAttribute("id", view.subject().substring(view.subject().indexOf(':') + 1));
        return "console/payload";
    }
}
