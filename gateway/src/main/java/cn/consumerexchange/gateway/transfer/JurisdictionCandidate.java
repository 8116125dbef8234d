package cn.consumerexchange.gateway.transfer;

import cn.consumerexchange.gateway.partner.Partner;

/**
 * An authority of the exchange with jurisdiction over a respondent by one rule of art. 13.
 *
 * @param partner        the partner whose authority serves the place
 * @param division       the respondent's GB/T 2260 division the rule names (e.g. its place of business)
 * @param servedDivision the division in the partner's coverage that reaches it: the county itself, else its
 *                       prefecture, else its province
 * @param ground         the rule of art. 13 that names the place
 */
public record JurisdictionCandidate(Partner partner, String division, String servedDivision, JurisdictionRule ground) {

    String describe() {
        return partner.code() + " (" + division + (servedDivision.equals(division) ? "" : " via " + servedDivision)
                + ", " + ground.name() + ")";
    }
}
