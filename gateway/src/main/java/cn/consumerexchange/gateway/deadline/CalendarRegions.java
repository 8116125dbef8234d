package cn.consumerexchange.gateway.deadline;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.PartnerRegistry;

/** Which calendar a clock counts: that of the authority holding it, known by its partner code or a division. */
@Component
public class CalendarRegions {

    private final PartnerRegistry partners;

    public CalendarRegions(PartnerRegistry partners) {
        this.partners = partners;
    }

    /** The calendar of the partner's authority, e.g. HK for the Hong Kong Consumer Council. */
    public CalendarRegion calendarRegionOf(String partnerCode) {
        return CalendarRegion.ofPartner(partners.require(partnerCode));
    }

    /** The calendar of the authority with jurisdiction over a GB/T 2260 division. */
    public CalendarRegion calendarRegionOfDivision(String division) {
        return CalendarRegion.ofDivision(division);
    }
}
