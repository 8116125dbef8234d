package cn.consumerexchange.gateway.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.gateway.partner.PartnerLocations;

/**
 * The rates cross-currency settlements are converted at (CNY, HKD, MOP), read from {@code returns/exchange-rates.json}
 * with each rate's source and date. Money stays exact: amounts are decimals of two places, converted in one step and
 * rounded once, half up, to the cent.
 */
@Component
public class ExchangeRates {

    static final String FILE = "returns/exchange-rates.json";
    static final String RENMINBI = "CNY";

    private final List<ExchangeRate> rates = new ArrayList<>();

    @Autowired
    ExchangeRates(PartnerLocations locations, ObjectMapper json) {
        this(locations.read(FILE).orElseThrow(() -> new IllegalStateException("No " + FILE + " in any location")),
                json);
    }

    ExchangeRates(byte[] file, ObjectMapper json) {
        try {
            for (JsonNode rate : json.readTree(file).path("rates")) {
                rates.add(new ExchangeRate(rate.path("currency").asText(), rate.path("per").asInt(),
                        new BigDecimal(rate.path("cny").asText()), LocalDate.parse(rate.path("date").asText()),
                        rate.path("source").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
        for (String currency : List.of("HKD", "MOP")) {
            if (rates.stream().noneMatch(rate -> rate.currency().equals(currency))) {
                throw new IllegalStateException(FILE + " has no rate for " + currency);
            }
        }
    }

    public List<ExchangeRate> all() {
        return List.copyOf(rates);
    }

    /**
     * The rate of {@code currency} a conversion on {@code day} uses: the latest published on or before that day, or,
     * for a day before every rate loaded, the earliest (its date says so on the statement).
     */
    public ExchangeRate rateOn(String currency, LocalDate day) {
        List<ExchangeRate> ofCurrency = rates.stream().filter(rate -> rate.currency().equals(currency))
                .sorted(Comparator.comparing(ExchangeRate::date)).toList();
        if (ofCurrency.isEmpty()) {
            throw new IllegalArgumentException("No rate for " + currency);
        }
        return ofCurrency.stream().filter(rate -> !rate.date().isAfter(day)).reduce((earlier, later) -> later)
                .orElse(ofCurrency.get(0));
    }

    /** {@code amount} of {@code from} in {@code to}, at the rates of {@code day}. */
    public Conversion convert(BigDecimal amount, String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return new Conversion(amount.setScale(2, RoundingMode.UNNECESSARY), to, null);
        }
        if (from.equals(RENMINBI)) {
            ExchangeRate target = rateOn(to, day);
            return new Conversion(amount.multiply(BigDecimal.valueOf(target.per()))
                    .divide(target.cny(), 2, RoundingMode.HALF_UP), to, target);
        }
        ExchangeRate origin = rateOn(from, day);
        if (to.equals(RENMINBI)) {
            return new Conversion(amount.multiply(origin.cny())
                    .divide(BigDecimal.valueOf(origin.per()), 2, RoundingMode.HALF_UP), to, origin);
        }
        ExchangeRate target = rateOn(to, day);
        BigDecimal converted = amount.multiply(origin.cny()).multiply(BigDecimal.valueOf(target.per()))
                .divide(BigDecimal.valueOf(origin.per()).multiply(target.cny()), 2, RoundingMode.HALF_UP);
        return new Conversion(converted, to, new ExchangeRate(target.currency(), target.per(), target.cny(),
                target.date(), target.source() + "; via CNY at " + origin.quoted() + " (" + origin.date() + ", "
                        + origin.source() + ")"));
    }
}
