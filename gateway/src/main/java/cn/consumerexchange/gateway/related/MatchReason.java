package cn.consumerexchange.gateway.related;

/** Why two complaints look like one dispute (同一纠纷): each code with a readable text, English and Chinese. */
public enum MatchReason {

    SAME_ID_NUMBER("Same identity number of the complainant", "投诉人证件号码相同"),
    SAME_PHONE("Same phone number of the complainant", "投诉人电话相同"),
    SAME_NAME("Same complainant name", "投诉人姓名相同"),
    SAME_RESPONDENT_CODE("Same credit code or registration number of the respondent", "被投诉人统一社会信用代码或登记号相同"),
    SAME_RESPONDENT_NAME("Same respondent name", "被投诉人名称相同"),
    SAME_RESPONDENT_ADDRESS("Same respondent address", "被投诉人地址相同"),
    SAME_PURCHASE_DATE("Same purchase date", "消费日期相同"),
    PURCHASE_DATE_NEAR("Purchase dates at most 3 days apart", "消费日期相差不超过3天"),
    PURCHASE_DATE_IN_WINDOW("Purchase dates within the matching window", "消费日期在比对期限内"),
    AMOUNT_EQUAL("Same amount and currency", "金额及币种相同"),
    SAME_STORE("Same store or platform", "购买门店或平台相同"),
    SAME_CHANNEL("Same purchase channel", "购买渠道相同");

    private final String text;
    private final String chinese;

    MatchReason(String text, String chinese) {
        this.text = text;
        this.chinese = chinese;
    }

    public String text() {
        return text;
    }

    public String chinese() {
        return chinese;
    }
}
