package cn.consumerexchange.gateway.returns;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's returns page (异地异店退换货): the commitment registry (firms, their stores by region, commitments and
 * advance-payment schemes), the rates settlements are converted at, the latest returns, and today's statement.
 */
@Controller
class ReturnsConsoleController {

    static final int LATEST = 50;

    private final CommitmentRegistry registry;
    private final ExchangeRates rates;
    private final ReturnCases cases;
    private final Clock clock;

    ReturnsConsoleController(CommitmentRegistry registry, ExchangeRates rates, ReturnCases cases, Clock clock) {
        this.registry = registry;
        this.rates = rates;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/console/returns")
    String returns(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ReturnEligibility.REGION_TIME));
        model.addAttribute("today", today);
        model.addAttribute("source", registry.source());
        model.addAttribute("firms", registry.firms());
        model.addAttribute("schemes", registry.schemes());
        model.addAttribute("rates", rates.all());
        model.addAttribute("latest", cases.latest(LATEST));
        model.addAttribute("statement", SettlementStatement.of(today, cases.entriesOn(today),
                cases.refundsRecordedOn(today)));
        return "console/returns";
    }
}
