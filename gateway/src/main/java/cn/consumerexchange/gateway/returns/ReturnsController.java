package cn.consumerexchange.gateway.returns;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * Cross-store returns (异地异店退换货) on the operator API: the commitment registry and the rates, each return with its
 * refund and settlement entry, and the daily settlement statement in CSV or JSON.
 */
@RestController
class ReturnsController {

    private final CommitmentRegistry registry;
    private final ExchangeRates rates;
    private final ReturnCases cases;

    ReturnsController(CommitmentRegistry registry, ExchangeRates rates, ReturnCases cases) {
        this.registry = registry;
        this.rates = rates;
        this.cases = cases;
    }

    /** The registry as loaded. */
    record Registry(String source, List<AdvancePaymentScheme> schemes, List<ChainFirm> firms) {
    }

    /** A return with what followed its decision. */
    record ReturnView(ReturnCase request, Refund refund, SettlementEntry settlement) {
    }

    @GetMapping("/api/returns/commitments")
    Registry commitments() {
        return new Registry(registry.source(), registry.schemes(), registry.firms());
    }

    @GetMapping("/api/returns/rates")
    List<ExchangeRate> rates() {
        return rates.all();
    }

    @GetMapping("/api/returns/cases/{gatewayRef}")
    ReturnView returnCase(@PathVariable String gatewayRef) {
        ReturnCase found = cases.find(gatewayRef)
                .orElseThrow(() -> OperatorRequestException.notFound("cross-store return " + gatewayRef));
        return new ReturnView(found, cases.refundOf(gatewayRef).orElse(null),
                cases.entryOf(gatewayRef).orElse(null));
    }

    /**
     * The settlement statement of a day (China Standard Time): {@code format=json} (the default) or {@code csv}.
     */
    @GetMapping("/api/returns/statements")
    ResponseEntity<?> statement(@RequestParam String date, @RequestParam(defaultValue = "json") String format) {
        LocalDate day = dayOf(date);
        SettlementStatement statement = SettlementStatement.of(day, cases.entriesOn(day),
                cases.refundsRecordedOn(day));
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"returns-statement-" + day
                            + ".csv\"")
                    .body(StatementCsv.write(statement));
            default -> throw new OperatorRequestException(OperatorRequestException.Code.INVALID_CRITERIA,
                    "format is json or csv, not " + format);
        };
    }

    private static LocalDate dayOf(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new OperatorRequestException(OperatorRequestException.Code.INVALID_CRITERIA,
                    "date is a day, e.g. 2026-11-29, not " + date);
        }
    }
}
