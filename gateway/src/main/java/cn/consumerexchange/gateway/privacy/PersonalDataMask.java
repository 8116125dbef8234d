package cn.consumerexchange.gateway.privacy;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Masks personal data (个人信息脱敏) for operators whose view must not show it: names keep their first character
 * (张**, J***), phone numbers their last four digits, identity numbers their first and last character, addresses their
 * first six characters. Pure functions; the contract document is masked in place.
 *
 * <p>In the contract: the complainant's and the reporter's name, phone and identity number, the names of persons at an
 * investigation, and the respondent's address (a sole trader's (个体工商户) is often a home). Officials acting in office
 * (investigator, mediator) and businesses' names are not personal data here. Free texts (facts, clues, records,
 * reasons) are searched for mainland mobile numbers and identity card numbers; a name written into a free text cannot
 * be found this way.
 */
public final class PersonalDataMask {

    private static final char MASK = '*';
    private static final int ADDRESS_KEPT = 6;
    private static final int PHONE_DIGITS_KEPT = 4;

    /** Mainland mobile numbers, with or without +86 / 0086, alone in the text. */
    private static final Pattern MOBILE_IN_TEXT =
            Pattern.compile("(?<![0-9])(?:(?:\\+|00)86[ -]?)?1[3-9][0-9]{9}(?![0-9])");
    /** Resident identity card numbers (18 characters, the last may be X), alone in the text. */
    private static final Pattern ID_CARD_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    /** The masking of each personal field, by its element and the element it is in. */
    private static final Map<String, UnaryOperator<String>> FIELDS = Map.ofEntries(
            Map.entry("Complainant/Name", PersonalDataMask::name),
            Map.entry("Complainant/Phone", PersonalDataMask::phone),
            Map.entry("Complainant/IdNumber", PersonalDataMask::idNumber),
            Map.entry("Reporter/Name", PersonalDataMask::name),
            Map.entry("Reporter/Phone", PersonalDataMask::phone),
            Map.entry("Reporter/IdNumber", PersonalDataMask::idNumber),
            Map.entry("Consumer/Name", PersonalDataMask::name),
            Map.entry("Consumer/Phone", PersonalDataMask::phone),
            Map.entry("Consumer/IdNumber", PersonalDataMask::idNumber),
            Map.entry("Person/Name", PersonalDataMask::name),
            Map.entry("Respondent/Address", PersonalDataMask::address));
    private static final Set<String> FREE_TEXTS = Set.of("Facts", "Clues", "RecordText", "Note", "Reason", "Terms",
            "Description");

    private PersonalDataMask() {
    }

    /** {@code 陈晓明} → {@code 陈**}, {@code John Smith} → {@code J*********}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        String kept = name.substring(0, name.offsetByCodePoints(0, 1));
        return kept + String.valueOf(MASK).repeat(name.codePointCount(kept.length(), name.length()));
    }

    /** {@code +86 138 0013 8000} → {@code +** *** **** 8000}: every digit but the last four, separators kept. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int toMask = Math.max(0, digits - PHONE_DIGITS_KEPT);
        StringBuilder masked = new StringBuilder(phone.length());
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c) && toMask > 0) {
                masked.append(MASK);
                toMask--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /**
     * {@code 440305199001011234} → {@code 4****************4}, {@code A123456(7)} → {@code A******(7)}: letters and
     * digits but the first and the last, brackets kept. A number of fewer than three is masked whole.
     */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < id.length(); i++) {
            if (Character.isLetterOrDigit(id.charAt(i))) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        StringBuilder masked = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean kept = count >= 3 && (i == first || i == last);
            masked.append(Character.isLetterOrDigit(c) && !kept ? MASK : c);
        }
        return masked.toString();
    }

    /** {@code 上海市浦东新区世纪大道100号} → {@code 上海市浦东新*********}: the first six characters kept. */
    public static String address(String address) {
        if (address == null || address.codePointCount(0, address.length()) <= ADDRESS_KEPT) {
            return address;
        }
        int end = address.offsetByCodePoints(0, ADDRESS_KEPT);
        return address.substring(0, end) + String.valueOf(MASK).repeat(address.codePointCount(end, address.length()));
    }

    /** A free text with the mobile numbers and identity card numbers in it masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return replace(ID_CARD_IN_TEXT, replace(MOBILE_IN_TEXT, text, PersonalDataMask::phone),
                PersonalDataMask::idNumber);
    }

    /** Masks every personal field and free text of a contract document, in place. */
    public static void mask(Document contract) {
        NodeList elements = contract.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (!onlyText(element)) {
                continue;
            }
            Node parent = element.getParentNode();
            String parentName = parent instanceof Element parentElement ? parentElement.getLocalName() : "";
            UnaryOperator<String> masking = FIELDS.get(parentName + "/" + element.getLocalName());
            if (masking == null && FREE_TEXTS.contains(element.getLocalName())) {
                masking = PersonalDataMask::text;
            }
            if (masking != null) {
                element.setTextContent(masking.apply(element.getTextContent()));
            }
        }
    }

    private static boolean onlyText(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> masking) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(masking.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
