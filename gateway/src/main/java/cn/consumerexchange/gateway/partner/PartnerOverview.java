package cn.consumerexchange.gateway.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Puts together each partner's {@link PartnerStatus} for the API and the console. */
@Component
public class PartnerOverview {

    private final PartnerRegistry partners;
    private final PartnerSwitchboard switchboard;
    private final PartnerCircuits circuits;
    private final PartnerHealthFigures figures;

    PartnerOverview(PartnerRegistry partners, PartnerSwitchboard switchboard, PartnerCircuits circuits,
            PartnerHealthFigures figures) {
        this.partners = partners;
        this.switchboard = switchboard;
        this.circuits = circuits;
        this.figures = figures;
    }

    /** Every partner, in the registry's order. */
    public List<PartnerStatus> all() {
        Map<String, PartnerHealthFigures.Figures> health = figures.of(
                partners.all().stream().map(Partner::code).toList());
        return partners.all().stream().map(partner -> status(partner, health.get(partner.code()))).toList();
    }

    public Optional<PartnerStatus> of(String code) {
        return partners.find(code).map(partner -> status(partner, figures.of(code)));
    }

    private PartnerStatus status(Partner partner, PartnerHealthFigures.Figures health) {
        PartnerSwitchboard.Decision decision = switchboard.decision(partner.code());
        return new PartnerStatus(partner.code(), partner.authority(), partner.name(), partner.format(),
                partner.transport(), partner.divisions(), decision.enabled(), decision.changedBy(),
                decision.changedAt(), switchboard.isDelivering(partner.code()), circuits.state(partner.code()).name(),
                partner.delivery(), health);
    }
}
