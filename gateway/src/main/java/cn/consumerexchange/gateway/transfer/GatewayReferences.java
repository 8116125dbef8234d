package cn.consumerexchange.gateway.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Hands out the gateway's reference for an accepted complaint (网关受理编号), e.g. {@code GW-2026-0K3QX7M2PD9RA}: the
 * year, then five base-32 characters for the second of the year at which the gateway gave it out, then eight random
 * ones.
 *
 * <p>The time comes first so that references given out together sort together: every index keyed by the reference
 * (the ledger's, the case's, its clocks' and related keys') takes new ones near its end, where the pages written at
 * the last commit are, rather than at a random place, each a page the database writes again. The rest is random rather
 * than a sequence so that instances sharing one database need no coordination, and so that a reference tells nothing
 * about the volume of cases, only the second of receipt, which its sender knows. Forty random bits make two equal
 * references within one second unlikely even at thousands a second.
 */
@Component
public class GatewayReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int TIME_LENGTH = 5;
    private static final int RANDOM_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final String prefix;
    private final Clock clock;

    public GatewayReferences(ExchangeProperties properties, Clock clock) {
        this.prefix = properties.referencePrefix();
        this.clock = clock;
    }

    public String next() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        // At most 366 days of 86,400 s: 31,622,400, below 32^5.
        long secondOfYear = (now.getDayOfYear() - 1) * 86_400L + now.toLocalTime().toSecondOfDay();
        StringBuilder reference = new StringBuilder(prefix).append('-').append(now.getYear()).append('-');
        for (int shift = 5 * (TIME_LENGTH - 1); shift >= 0; shift -= 5) {
            reference.append(ALPHABET[(int) (secondOfYear >>> shift) & 31]);
        }
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }

    public boolean isGatewayReference(String reference) {
        return reference != null && reference.startsWith(prefix + "-");
    }
}
