package cn.consumerexchange.gateway.related;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Finds likely duplicates across regions (并案): the same consumer complaining about the same respondent and the same
 * purchase to two authorities. Each complaint's keys ({@link CaseKeys}) are recorded; candidates are the cases sharing
 * a consumer key (phone, identity number, or name together with the respondent) found by index, kept when they share a
 * respondent key too, and scored ({@link DuplicateScore}). A pair from the threshold up is linked, the first receiver
 * leading. The detector never rejects and never applies art. 16: it returns links and advisory flags for the intake and
 * operators to act on.
 */
@Component
public class RelatedCaseDetector {

    private final RelatedCaseRecords records;
    private final AdvisoryFlags advisoryFlags;
    private final RelatedCaseSettings settings;
    private final KeyPseudonyms pseudonyms;
    private final Function<String, String> homeCallingCode;
    private final Clock clock;

    @Autowired
    public RelatedCaseDetector(RelatedCaseRecords records, AdvisoryFlags advisoryFlags, RelatedCaseSettings settings,
            PartnerRegistry partners, Clock clock) {
        this(records, advisoryFlags, settings,
                partner -> homeCallingCode(partners.find(partner).map(Partner::divisions).orElse(List.of())), clock);
    }

    RelatedCaseDetector(RelatedCaseRecords records, AdvisoryFlags advisoryFlags, RelatedCaseSettings settings,
            Function<String, String> homeCallingCode, Clock clock) {
        this.records = records;
        this.advisoryFlags = advisoryFlags;
        this.settings = settings;
        this.pseudonyms = new KeyPseudonyms(settings.keySecret());
        this.homeCallingCode = homeCallingCode;
        this.clock = clock;
    }

    /**
     * Keeps a complaint's profile (all its keys) as the intake accepts it, in the intake's transaction, from the
     * message it has just read: the related-case check records the case from it ({@link #record(String, String,
     * Instant, CaseKeys)}) without reading and translating the complaint a second time. Anything but a complaint keeps
     * nothing.
     *
     * @param caseReceivedAt when the gateway received it, for a complaint that does not say when its authority did
     */
    public void keepAtIntake(ExchangeMessage complaint, String gatewayRef, String partner, Instant caseReceivedAt) {
        Complaint body = complaint.getComplaint();
        if (body != null) {
            records.keepProfile(gatewayRef, partner, receivedAt(body, caseReceivedAt), keysOf(body, partner));
        }
    }

    /**
     * Records a complaint and returns its likely duplicates and advisory flags; anything but a complaint gives
     * {@link RelatedCaseFindings#NONE}. Recording the same {@code gatewayRef} again adds no keys and no links.
     *
     * @param gatewayRef the gateway's reference of the complaint
     * @param partner    the partner that filed it
     * @param receivedAt when its authority received it (the complaint's {@code ReceivedAt}): the earlier of a pair leads
     */
    public RelatedCaseFindings record(ExchangeMessage complaint, String gatewayRef, String partner,
            Instant receivedAt) {
        Complaint body = complaint.getComplaint();
        if (body == null) {
            return RelatedCaseFindings.NONE;
        }
        CaseKeys keys = keysOf(body, partner);
        records.keepProfile(gatewayRef, partner, receivedAt, keys);
        return record(gatewayRef, partner, receivedAt, keys);
    }

    /**
     * Records a complaint by its keys, as the intake kept them in its profile, and returns its likely duplicates and
     * advisory flags, as {@link #record(ExchangeMessage, String, String, Instant)} does.
     */
    RelatedCaseFindings record(String gatewayRef, String partner, Instant receivedAt, CaseKeys keys) {
        // Keys first, lookups after: two filings of one dispute recorded at the same moment (two instances) still
        // find each other, and the pair's link is stored once.
        if (!records.holds(gatewayRef)) {
            records.insertKeys(gatewayRef, partner, receivedAt, keys.keys());
        }
        CaseProfile own = CaseProfile.of(gatewayRef, partner, receivedAt, keys.keys());
        Set<String> candidates = records.refsHoldingAny(
                keys.keys().stream().filter(key -> key.kind().findsCandidates()).toList(),
                receivedAt.minus(settings.lookback()), gatewayRef, settings.maxCandidates());
        List<RelatedCaseLink> links = new ArrayList<>();
        for (CaseProfile candidate : records.profiles(candidates)) {
            DuplicateScore.of(own, candidate, settings.purchaseWindow())
                    .filter(scored -> scored.score() >= settings.threshold())
                    .map(scored -> RelatedCaseLink.between(own, candidate, scored))
                    .ifPresent(link -> {
                        records.insertLink(link, clock.instant());
                        links.add(link);
                    });
        }
        return new RelatedCaseFindings(links, advisoryFlags.of(keys, receivedAt));
    }

    /** When the complaint's authority received it, or when the gateway did where the complaint does not say. */
    static Instant receivedAt(Complaint complaint, Instant caseReceivedAt) {
        return complaint.getReceivedAt() == null ? caseReceivedAt : complaint.getReceivedAt().toInstant();
    }

    private CaseKeys keysOf(Complaint complaint, String partner) {
        return CaseKeys.of(complaint, homeCallingCode.apply(partner), pseudonyms);
    }

    /** Hong Kong and Macao numbers are written without +852 / +853 at home; everyone else's without +86. */
    static String homeCallingCode(List<String> divisions) {
        if (divisions.stream().anyMatch(division -> division.startsWith("81"))) {
            return NameNormaliser.HONG_KONG;
        }
        if (divisions.stream().anyMatch(division -> division.startsWith("82"))) {
            return NameNormaliser.MACAO;
        }
        return NameNormaliser.MAINLAND;
    }
}
