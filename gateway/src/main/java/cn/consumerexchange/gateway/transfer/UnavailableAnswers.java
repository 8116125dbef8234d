package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * The native answer to a message the gateway could not record (暂不可用): {@code GATEWAY_UNAVAILABLE}, nothing was
 * accepted, send it again later under the same message id. Needs neither the database nor the broker, so it can be
 * given while they are away.
 */
@Component
public class UnavailableAnswers {

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final Answers answers;
    private final Clock clock;

    UnavailableAnswers(PartnerRegistry partners, AdapterCatalog adapters, Answers answers, Clock clock) {
        this.partners = partners;
        this.adapters = adapters;
        this.answers = answers;
        this.clock = clock;
    }

    /** The answer under a new gateway-made reference. */
    public byte[] answer(String partnerCode, String why) {
        return answerUnder("GW-U-" + UUID.randomUUID(), partners.require(partnerCode), why);
    }

    /** The answer under a reference the caller made, which its record of the message also keeps. */
    byte[] answerUnder(String reference, Partner partner, String why) {
        return adapters.forFormat(partner.format())
                .toNative(answers.unavailable(reference, partner.authority(), OffsetDateTime.now(clock), why));
    }
}
