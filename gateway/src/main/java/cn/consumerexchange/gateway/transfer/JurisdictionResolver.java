package cn.consumerexchange.gateway.transfer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Decides which partner's authority has jurisdiction (管辖) over a complaint.
 *
 * <p>Under SAMR Order No. 121 art. 13–14 the county-level regulator of the respondent's place of business (实际经营地)
 * or domicile (住所地) handles a complaint; for a platform or a self-run online shop its domicile, for a seller on a
 * platform the address the platform displays for it. The sender states that place as the respondent's GB/T 2260
 * division code; this resolver finds the partner whose coverage is most specific for it: county, then prefecture,
 * then province.
 */
@Component
public class JurisdictionResolver {

    private final Map<String, Partner> coverage = new HashMap<>();

    @Autowired
    public JurisdictionResolver(PartnerRegistry registry) {
        this(registry.all());
    }

    JurisdictionResolver(Collection<Partner> partners) {
        for (Partner partner : partners) {
            for (String division : partner.divisions()) {
                Partner previous = coverage.putIfAbsent(division, partner);
                if (previous != null) {
                    throw new IllegalStateException("Division " + division + " is covered by both "
                            + previous.code() + " and " + partner.code());
                }
            }
        }
    }

    /** The partner serving the given six-digit division code, if any. */
    public Optional<Partner> partnerFor(String divisionCode) {
        return partnerFor(divisionCode, Set.of());
    }

    /**
     * The most specific partner serving the division other than the {@code excluded} ones: where a case goes next when
     * the authorities it went to returned it as not their own (退回, art. 41), e.g. from a district's partner to the
     * province's.
     */
    public Optional<Partner> partnerFor(String divisionCode, Set<String> excluded) {
        if (divisionCode == null || divisionCode.length() != 6) {
            return Optional.empty();
        }
        String prefecture = divisionCode.substring(0, 4) + "00";
        String province = divisionCode.substring(0, 2) + "0000";
        for (String candidate : new String[] {divisionCode, prefecture, province}) {
            Partner partner = coverage.get(candidate);
            if (partner != null && !excluded.contains(partner.code())) {
                return Optional.of(partner);
            }
        }
        return Optional.empty();
    }
}
