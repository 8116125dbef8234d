package cn.consumerexchange.gateway.drill;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.gateway.conformance.SampleCases;

/**
 * The complaints of a drill, each with a message id and case number of its own: the contract sample complaint, as
 * {@link SampleCases} writes it when the gateway plays a region, in the sender's native format. Shenzhen complains
 * about a business in Shanghai's Pudong district, Shanghai about one in Shenzhen's Futian district, so each is
 * delivered to the other.
 */
final class DrillComplaints {

    static final String SHENZHEN = "SAMR-GD-SZ";
    static final String SHANGHAI = "SAMR-SH";
    private static final String PUDONG = "310115";
    private static final String FUTIAN = "440304";

    private final String run;
    /** The built-in formats as the gateway packages them, on the class path under {@code seeds/}. */
    private final AdapterCatalog formats = AdapterCatalog.discover(FormatSource.classpath("seeds"));
    private final PartnerAdapter gbaXml = formats.forFormat("gba-xml");
    private final PartnerAdapter yrdJson = formats.forFormat("yrd-json");

    /** @param run a short name of the run, part of every id so that runs never share one */
    DrillComplaints(String run) {
        this.run = run;
    }

    String shenzhenMessageId(int number) {
        return "SZ-DRILL-" + run + "-" + number;
    }

    String shanghaiMessageId(int number) {
        return "SH-DRILL-" + run + "-" + number;
    }

    /** Shenzhen's complaint number {@code number}, in gba-xml. */
    byte[] fromShenzhen(int number) {
        return gbaXml.toNative(SampleCases.complaint(SHENZHEN, PUDONG, shenzhenMessageId(number),
                "SZ12315-" + run + "-" + number));
    }

    /** Shanghai's complaint number {@code number}, in yrd-json. */
    byte[] fromShanghai(int number) {
        return yrdJson.toNative(SampleCases.complaint(SHANGHAI, FUTIAN, shanghaiMessageId(number),
                "SH12315-" + run + "-" + number));
    }
}
