package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A published rate of one currency against the renminbi, as quoted: {@code cny} yuan for {@code per} units of
 * {@code currency} (the PBOC central parity quotes 100 HKD).
 *
 * @param date   the day the rate was published for
 * @param source who published it (中国外汇交易中心, 澳门金融管理局...)
 */
public record ExchangeRate(String currency, int per, BigDecimal cny, LocalDate date, String source) {

    /** As a statement states it, e.g. {@code 100 HKD = 91.27 CNY}. */
    public String quoted() {
        return per + " " + currency + " = " + cny.toPlainString() + " CNY";
    }
}
