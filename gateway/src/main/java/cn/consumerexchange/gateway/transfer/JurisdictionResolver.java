package cn.consumerexchange.gateway.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Decides which partner's authority has jurisdiction (管辖) over a complaint or report, by SAMR Order No. 121 art.
 * 13–14.
 *
 * <p>Art. 13 names the places, from the respondent's kind: an offline business (or one of no stated kind) where it
 * actually operates ({@code DivisionCode}) or is domiciled ({@code DomicileDivisionCode}); an e-commerce platform or
 * a self-run online shop where it is domiciled (its {@code DomicileDivisionCode}, else its {@code DivisionCode}); a
 * seller on a platform at the address the platform displays for it ({@code DivisionCode}), else the platform's
 * domicile ({@code PlatformDivisionCode}). The partner serving a place is the one whose coverage is most specific for
 * it: the county, then its prefecture, then its province.
 *
 * <p>Where several authorities have jurisdiction, art. 14 gives the case to the one that received it first. For a hub
 * that can only mean what the hub sees: the sending authority received it before anyone (so it keeps it and nothing
 * is transferred); else an authority the same dispute (the sender's same origin case) was already transferred to;
 * else none of them has it yet, and the hub makes one the first to receive it by sending it there, choosing in the
 * order art. 13 names the places (place of business before domicile, displayed address before the platform's
 * domicile) so that the same complaint always goes to the same place. A consumer who complained directly to another
 * of them, outside the exchange, is invisible here.
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

    /** A place art. 13 names for a respondent, and the rule that names it. */
    private record Place(String division, JurisdictionRule ground) {
    }

    /**
     * Decides who handles a case about {@code respondent} sent by {@code sender}.
     *
     * @param earlierReceivers partners the same dispute was already transferred to, first received first; asked only
     *                         when several authorities have jurisdiction and the sender is not one of them
     * @return empty when no authority of the exchange serves any place with jurisdiction
     */
    public Optional<JurisdictionDecision> decide(Respondent respondent, Partner sender,
            Supplier<List<String>> earlierReceivers) {
        List<Place> places = placesOf(respondent);
        List<JurisdictionCandidate> candidates = new ArrayList<>();
        List<Place> unserved = new ArrayList<>();
        for (Place place : places) {
            coverageOf(place.division(), Set.of()).ifPresentOrElse(
                    served -> candidates.add(new JurisdictionCandidate(served.getValue(), place.division(),
                            served.getKey(), place.ground())),
                    () -> unserved.add(place));
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> authorities = candidates.stream().map(candidate -> candidate.partner().code())
                .collect(Collectors.toSet());
        JurisdictionCandidate chosen;
        Why why;
        if (authorities.size() == 1) {
            chosen = candidates.get(0);
            why = Why.ONLY;
        } else if (authorities.contains(sender.code())) {
            chosen = candidateOf(candidates, sender.code());
            why = Why.SENDER_RECEIVED_FIRST;
        } else {
            Optional<String> earlier = earlierReceivers.get().stream().filter(authorities::contains).findFirst();
            chosen = earlier.map(code -> candidateOf(candidates, code)).orElse(candidates.get(0));
            why = earlier.isPresent() ? Why.ALREADY_RECEIVED : Why.FIRST_IN_ORDER;
        }
        JurisdictionRule rule = why == Why.ONLY ? chosen.ground() : JurisdictionRule.ART14_FIRST_RECEIVER;
        return Optional.of(new JurisdictionDecision(chosen.partner(), chosen.division(), rule, candidates,
                explainZh(respondent, candidates, unserved, chosen, why),
                explainEn(respondent, candidates, unserved, chosen, why)));
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
        return coverageOf(divisionCode, excluded).map(Map.Entry::getValue);
    }

    /** The places art. 13 gives jurisdiction to, in the order it names them. */
    private static List<Place> placesOf(Respondent respondent) {
        String division = respondent.getDivisionCode();
        String domicile = respondent.getDomicileDivisionCode();
        RespondentKind kind = respondent.getKind() == null ? RespondentKind.OFFLINE_BUSINESS : respondent.getKind();
        List<Place> places = new ArrayList<>();
        switch (kind) {
            case OFFLINE_BUSINESS -> {
                places.add(new Place(division, JurisdictionRule.ART13_PLACE_OF_BUSINESS));
                if (domicile != null && !domicile.equals(division)) {
                    places.add(new Place(domicile, JurisdictionRule.ART13_DOMICILE));
                }
            }
            case ONLINE_PLATFORM -> places.add(new Place(domicile != null ? domicile : division,
                    JurisdictionRule.ART13_PLATFORM_DOMICILE));
            case SELF_RUN_ONLINE_SHOP -> places.add(new Place(domicile != null ? domicile : division,
                    JurisdictionRule.ART13_SELF_RUN_SHOP_DOMICILE));
            case PLATFORM_SELLER -> {
                places.add(new Place(division, JurisdictionRule.ART13_SELLER_DISPLAYED_ADDRESS));
                String platform = respondent.getPlatformDivisionCode();
                if (platform != null && !platform.equals(division)) {
                    places.add(new Place(platform, JurisdictionRule.ART13_SELLER_PLATFORM_DOMICILE_FALLBACK));
                }
            }
        }
        return places;
    }

    private Optional<Map.Entry<String, Partner>> coverageOf(String divisionCode, Set<String> excluded) {
        if (divisionCode == null || divisionCode.length() != 6) {
            return Optional.empty();
        }
        String prefecture = divisionCode.substring(0, 4) + "00";
        String province = divisionCode.substring(0, 2) + "0000";
        for (String candidate : new String[] {divisionCode, prefecture, province}) {
            Partner partner = coverage.get(candidate);
            if (partner != null && !excluded.contains(partner.code())) {
                return Optional.of(Map.entry(candidate, partner));
            }
        }
        return Optional.empty();
    }

    private static JurisdictionCandidate candidateOf(List<JurisdictionCandidate> candidates, String partnerCode) {
        return candidates.stream().filter(candidate -> candidate.partner().code().equals(partnerCode)).findFirst()
                .orElseThrow();
    }

    /** Why the chosen candidate, of those with jurisdiction, handles the case. */
    private enum Why {
        ONLY, SENDER_RECEIVED_FIRST, ALREADY_RECEIVED, FIRST_IN_ORDER
    }

    private static String explainEn(Respondent respondent, List<JurisdictionCandidate> candidates,
            List<Place> unserved, JurisdictionCandidate chosen, Why why) {
        StringBuilder text = new StringBuilder("Respondent kind ").append(kindOf(respondent)).append(". ");
        for (JurisdictionCandidate candidate : candidates) {
            text.append(candidate.ground().english()).append(": ").append(candidate.division())
                    .append(", served by ").append(candidate.partner().code())
                    .append(servedVia(candidate, " through its coverage of ")).append(". ");
        }
        for (Place place : unserved) {
            text.append(place.ground().english()).append(": ").append(place.division())
                    .append(", served by no partner of the exchange. ");
        }
        text.append(switch (why) {
            case ONLY -> chosen.partner().code() + " has jurisdiction.";
            case SENDER_RECEIVED_FIRST -> "Several authorities have jurisdiction; the sender " + chosen.partner().code()
                    + " is one of them and received it first (art. 14): it handles the case itself.";
            case ALREADY_RECEIVED -> "Several authorities have jurisdiction; " + chosen.partner().code()
                    + " already received this dispute from the same origin case and handles it (art. 14).";
            case FIRST_IN_ORDER -> "Several authorities have jurisdiction and none has received it yet; it goes to "
                    + chosen.partner().code() + ", the first in the order of art. 13, which thereby receives it"
                    + " first (art. 14).";
        });
        List<Partner> others = JurisdictionDecision.othersThan(candidates, chosen.partner());
        if (!others.isEmpty()) {
            text.append(" To be told: ").append(codes(others)).append('.');
        }
        text.append(" A partner serves a division directly, or through its prefecture, or through its province.");
        return text.toString();
    }

    private static String explainZh(Respondent respondent, List<JurisdictionCandidate> candidates,
            List<Place> unserved, JurisdictionCandidate chosen, Why why) {
        StringBuilder text = new StringBuilder("被投诉人类型 ")
                .append(respondent.getKind() == null ? "未注明（按 OFFLINE_BUSINESS 处理）" : respondent.getKind().name())
                .append("。");
        for (JurisdictionCandidate candidate : candidates) {
            String via = servedVia(candidate, "（经其覆盖区划 ");
            text.append(candidate.ground().chinese()).append("：").append(candidate.division())
                    .append("，由 ").append(candidate.partner().code()).append(" 管辖").append(via)
                    .append(via.isEmpty() ? "" : "）").append("。");
        }
        for (Place place : unserved) {
            text.append(place.ground().chinese()).append("：").append(place.division()).append("，交换网络中无对应部门。");
        }
        text.append(switch (why) {
            case ONLY -> chosen.partner().code() + " 有管辖权。";
            case SENDER_RECEIVED_FIRST -> "多个部门均有管辖权；发送方 " + chosen.partner().code()
                    + " 有管辖权且先收到（第十四条），由其自行处理。";
            case ALREADY_RECEIVED -> "多个部门均有管辖权；同一原案件已转至 " + chosen.partner().code()
                    + "，由先收到的部门处理（第十四条）。";
            case FIRST_IN_ORDER -> "多个部门均有管辖权且均未收到；按第十三条所列顺序转至 " + chosen.partner().code()
                    + "，由其先收到并处理（第十四条）。";
        });
        List<Partner> others = JurisdictionDecision.othersThan(candidates, chosen.partner());
        if (!others.isEmpty()) {
            text.append("应告知：").append(codes(others)).append("。");
        }
        text.append("区划按县、地市、省逐级查找对应部门。");
        return text.toString();
    }

    private static String servedVia(JurisdictionCandidate candidate, String words) {
        return candidate.servedDivision().equals(candidate.division()) ? "" : words + candidate.servedDivision();
    }

    private static String kindOf(Respondent respondent) {
        return respondent.getKind() == null ? "not stated (treated as OFFLINE_BUSINESS)" : respondent.getKind().name();
    }

    private static String codes(List<Partner> partners) {
        return partners.stream().map(Partner::code).collect(Collectors.joining(", "));
    }
}
