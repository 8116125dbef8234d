package cn.consumerexchange.gateway.deadline;

import java.time.ZoneId;
import java.util.List;

import cn.consumerexchange.gateway.partner.Partner;

/**
 * Whose working days (工作日) a clock counts: the calendar of the authority that holds the clock. Mainland regulators
 * follow the State Council's holiday notice; the consumer councils of Hong Kong and Macao their own public holidays.
 */
public enum CalendarRegion {

    /** Mainland China: 国务院办公厅 holiday notice, with its working weekend days (调休). */
    CN(ZoneId.of("Asia/Shanghai")),
    /** Hong Kong SAR general holidays. */
    HK(ZoneId.of("Asia/Hong_Kong")),
    /** Macao SAR public holidays and the public administration's compensatory days. */
    MO(ZoneId.of("Asia/Macau"));

    private final ZoneId zone;

    CalendarRegion(ZoneId zone) {
        this.zone = zone;
    }

    /** The time zone its days begin and end in. */
    public ZoneId zone() {
        return zone;
    }

    /** The calendar of an authority with jurisdiction over a GB/T 2260 division: 81xxxx Hong Kong, 82xxxx Macao. */
    public static CalendarRegion ofDivision(String division) {
        if (division != null && division.startsWith("81")) {
            return HK;
        }
        if (division != null && division.startsWith("82")) {
            return MO;
        }
        return CN;
    }

    /**
     * The calendar of a partner's authority, from the divisions it has jurisdiction over; a partner without divisions
     * (the national 12315 platform) is a mainland one.
     */
    public static CalendarRegion ofPartner(Partner partner) {
        List<CalendarRegion> regions = partner.divisions().stream().map(CalendarRegion::ofDivision).distinct()
                .toList();
        if (regions.size() > 1) {
            throw new IllegalStateException("Partner " + partner.code() + " spans the calendars " + regions
                    + ": its divisions must lie in one of CN, HK, MO");
        }
        return regions.isEmpty() ? CN : regions.get(0);
    }
}
