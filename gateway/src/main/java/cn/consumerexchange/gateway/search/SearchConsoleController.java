package cn.consumerexchange.gateway.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * The console's search page (查询): messages by every criterion of the API, and quarantined input, each with links to
 * the case's timeline and the masked payload.
 */
@Controller
class SearchConsoleController {

    private final MessageSearch messages;
    private final QuarantineSearch quarantine;

    SearchConsoleController(MessageSearch messages, QuarantineSearch quarantine) {
        this.messages = messages;
        this.quarantine = quarantine;
    }

    @GetMapping("/console/search")
    String search(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.remove("lang");
        model.addAttribute("q", query);
        model.addAttribute("directions", Arrays.stream(Direction.values()).map(Enum::name).toList());
        model.addAttribute("states", Arrays.stream(MessageState.values()).map(Enum::name).toList());
        model.addAttribute("types", Arrays.stream(MessageKind.values()).map(Enum::name).toList());
        try {
            ResultPage<FoundMessage> found = messages.find(MessageCriteria.of(params.get("caseRef"),
                    params.get("originCaseNumber"), params.get("partner"), params.get("direction"),
                    params.get("state"), params.get("messageType"), params.get("messageId"), params.get("errorCode"),
                    params.get("from"), params.get("to"), number(params.get("page")), null));
            ResultPage<FoundQuarantine> kept = quarantine.find(QuarantineCriteria.of(params.get("qPartner"),
                    params.get("qReference"), params.get("qErrorCode"), params.get("qFrom"), params.get("qTo"),
                    number(params.get("qPage")), null));
            model.addAttribute("messages", found);
            model.addAttribute("quarantine", kept);
            model.addAttribute("messagesNext", found.hasNext() ? pageLink(query, "page", found.page() + 1) : null);
            model.addAttribute("messagesPrevious", found.page() > 0 ? pageLink(query, "page", found.page() - 1)
                    : null);
            model.addAttribute("quarantineNext", kept.hasNext() ? pageLink(query, "qPage", kept.page() + 1) : null);
            model.addAttribute("quarantinePrevious", kept.page() > 0 ? pageLink(query, "qPage", kept.page() - 1)
                    : null);
        } catch (OperatorRequestException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "console/search";
    }

    /** The same search, on another page of one of its two lists. */
    private static String pageLink(Map<String, String> query, String pageParam, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/search");
        query.forEach((name, value) -> {
            if (!name.equals(pageParam) && value != null && !value.isBlank()) {
                link.queryParam(name, value);
            }
        });
        return link.queryParam(pageParam, page).encode().build().toUriString();
    }

    private static Integer number(String value) {
        String given = Criteria.text(value);
        if (given == null) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException notANumber) {
            throw new OperatorRequestException(OperatorRequestException.Code.INVALID_CRITERIA,
                    "page " + given + " is not a number");
        }
    }
}
