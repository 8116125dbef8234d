package cn.consumerexchange.gateway.related;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.consumerexchange.contract.v1.Complainant;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.Respondent;

/**
 * The keys of one complaint (投诉): who complains, about whom, about which purchase, each normalised by
 * {@link NameNormaliser} so that a filing in another region, written differently, gives the same keys. Pure.
 */
public record CaseKeys(List<CaseKey> keys) {

    /** Registration numbers of Hong Kong and Macao businesses never meet a credit code with the same characters. */
    static final String REGISTRATION_PREFIX = "BR:";

    public CaseKeys {
        keys = List.copyOf(keys);
    }

    /**
     * @param homeCallingCode the filing region's country calling code, for phone numbers written without one
     *                        ({@link NameNormaliser#HONG_KONG} for a Hong Kong filing)
     */
    static CaseKeys of(Complaint complaint, String homeCallingCode, KeyPseudonyms pseudonyms) {
        Complainant consumer = complaint.getComplainant();
        Respondent respondent = complaint.getRespondent();
        String name = NameNormaliser.personName(consumer.getName());
        Keys keys = new Keys(pseudonyms);
        keys.add(KeyKind.CONSUMER_PHONE, NameNormaliser.phone(consumer.getPhone(), homeCallingCode));
        keys.add(KeyKind.CONSUMER_ID, NameNormaliser.idNumber(consumer.getIdNumber()));
        keys.add(KeyKind.CONSUMER_NAME, name);

        String creditCode = NameNormaliser.code(respondent.getCreditCode());
        String registration = NameNormaliser.code(respondent.getRegistrationNumber());
        keys.add(KeyKind.RESPONDENT_CODE, creditCode.isEmpty() ? prefixed(registration) : creditCode);
        keys.add(KeyKind.RESPONDENT_NAME, NameNormaliser.businessName(respondent.getName()));
        if (!name.isEmpty()) {
            for (CaseKey business : keys.of(KeyKind.RESPONDENT_CODE, KeyKind.RESPONDENT_NAME)) {
                keys.add(KeyKind.CONSUMER_AT_RESPONDENT, name + '|' + business.kind() + ':' + business.value());
            }
        }
        keys.add(KeyKind.RESPONDENT_ADDRESS, NameNormaliser.address(respondent.getAddress()));

        Purchase purchase = complaint.getPurchase();
        if (purchase != null) {
            if (purchase.getDate() != null) {
                keys.add(KeyKind.PURCHASE_DATE, purchase.getDate().toString());
            }
            if (purchase.getAmount() != null && purchase.getAmount().getValue() != null) {
                keys.add(KeyKind.PURCHASE_AMOUNT, purchase.getAmount().getCurrency() + ":"
                        + purchase.getAmount().getValue().stripTrailingZeros().toPlainString());
            }
            keys.add(KeyKind.PURCHASE_STORE, NameNormaliser.businessName(purchase.getStore()));
            keys.add(KeyKind.PURCHASE_STORE, NameNormaliser.businessName(purchase.getPlatform()));
            if (purchase.getChannel() != null) {
                keys.add(KeyKind.PURCHASE_CHANNEL, purchase.getChannel().name());
            }
        }
        return new CaseKeys(new ArrayList<>(keys.added));
    }

    /**
     * The keys as one text, a key a line ({@code CONSUMER_PHONE 5f0e...}), as the intake keeps them with the case. No
     * value holds a line break: the normalisers keep letters, digits and a few marks, personal values are hex, and
     * dates, amounts and channels are the contract's checked values.
     */
    String written() {
        StringBuilder text = new StringBuilder();
        for (CaseKey key : keys) {
            text.append(text.isEmpty() ? "" : "\n").append(key.kind().name()).append(' ').append(key.value());
        }
        return text.toString();
    }

    /** The keys {@link #written()} wrote. */
    static CaseKeys read(String written) {
        return new CaseKeys(written.lines().filter(line -> !line.isEmpty()).map(line -> {
            int space = line.indexOf(' ');
            return new CaseKey(KeyKind.valueOf(line.substring(0, space)), line.substring(space + 1));
        }).toList());
    }

    /** The keys of one kind. */
    List<String> values(KeyKind kind) {
        return keys.stream().filter(key -> key.kind() == kind).map(CaseKey::value).toList();
    }

    private static String prefixed(String registration) {
        return registration.isEmpty() ? "" : REGISTRATION_PREFIX + registration;
    }

    /** The keys as they are added: personal values hashed, empty ones left out, long ones cut to the column. */
    private static final class Keys {

        private static final int MAX_VALUE = 200;

        private final Set<CaseKey> added = new LinkedHashSet<>();
        private final KeyPseudonyms pseudonyms;

        Keys(KeyPseudonyms pseudonyms) {
            this.pseudonyms = pseudonyms;
        }

        void add(KeyKind kind, String normalised) {
            if (normalised.isEmpty()) {
                return;
            }
            String value = kind.personal() ? pseudonyms.of(kind, normalised) : normalised;
            added.add(new CaseKey(kind, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value));
        }

        List<CaseKey> of(KeyKind... kinds) {
            List<KeyKind> wanted = List.of(kinds);
            return added.stream().filter(key -> wanted.contains(key.kind())).toList();
        }
    }
}
