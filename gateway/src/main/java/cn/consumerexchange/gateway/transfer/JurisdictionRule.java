package cn.consumerexchange.gateway.transfer;

/**
 * The rule of SAMR Order No. 121 that gave an authority jurisdiction (管辖依据) over a complaint or report, with its
 * words in Chinese and English for the case's explanation.
 */
public enum JurisdictionRule {

    /** Art. 13: the county-level authority where the respondent actually operates (实际经营地). */
    ART13_PLACE_OF_BUSINESS("第十三条：被投诉人实际经营地", "art. 13: the respondent's place of business"),
    /** Art. 13: the county-level authority of the respondent's domicile (住所地). */
    ART13_DOMICILE("第十三条：被投诉人住所地", "art. 13: the respondent's domicile"),
    /** Art. 13: an e-commerce platform operator (电子商务平台经营者) is handled where it is domiciled. */
    ART13_PLATFORM_DOMICILE("第十三条：电子商务平台经营者住所地", "art. 13: the e-commerce platform's domicile"),
    /** Art. 13: a business selling through its own website or online shop (自建网站) is handled where it is domiciled. */
    ART13_SELF_RUN_SHOP_DOMICILE("第十三条：自建网站经营者住所地", "art. 13: the self-run online shop's domicile"),
    /** Art. 13: a seller on a platform (平台内经营者) is handled where the platform displays its address. */
    ART13_SELLER_DISPLAYED_ADDRESS("第十三条：平台公示的平台内经营者地址",
            "art. 13: the address the platform displays for the seller"),
    /** Art. 13: failing the displayed address, the platform operator's domicile (平台经营者住所地). */
    ART13_SELLER_PLATFORM_DOMICILE_FALLBACK("第十三条：平台经营者住所地", "art. 13: the platform operator's domicile"),
    /** Art. 14: several authorities have jurisdiction; the one that received it first (先收到) handles it. */
    ART14_FIRST_RECEIVER("第十四条：多个部门均有管辖权的，由先收到的部门处理",
            "art. 14: several authorities have jurisdiction; the first to receive it handles it");

    private final String chinese;
    private final String english;

    JurisdictionRule(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
