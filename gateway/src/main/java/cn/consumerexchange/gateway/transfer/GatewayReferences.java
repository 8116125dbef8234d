package cn.consumerexchange.gateway.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Year;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Hands out the gateway's reference for an accepted complaint (网关受理编号), e.g. {@code GW-2026-7K3QX9M2PD}.
 *
 * <p>Random rather than sequential so that instances sharing one database need no coordination, and so that a
 * reference reveals nothing about the volume of cases.
 */
@Component
public class GatewayReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();
    private final String prefix;
    private final Clock clock;

    public GatewayReferences(ExchangeProperties properties, Clock clock) {
        this.prefix = properties.referencePrefix();
        this.clock = clock;
    }

    public String next() {
        StringBuilder reference = new StringBuilder(prefix).append('-').append(Year.now(clock)).append('-');
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }

    public boolean isGatewayReference(String reference) {
        return reference != null && reference.startsWith(prefix + "-");
    }
}
