package cn.consumerexchange.gateway.related;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds the ways regions write one name, business, address, phone number or code to one comparable string: full-width
 * and half-width forms (NFKC), Traditional and Simplified characters (繁简), spaces and punctuation, company forms
 * (有限公司 / 有限责任公司, Co., Ltd. / Limited), phone prefixes (+86, 0086, trunk 0). The results are keys, not text to
 * show: they only need two spellings of one thing to meet. Pure and thread-safe.
 */
public final class NameNormaliser {

    /** Country calling codes kept apart: a Hong Kong or Macao number never meets a mainland one. */
    public static final String MAINLAND = "86";
    public static final String HONG_KONG = "852";
    public static final String MACAO = "853";

    private static final Map<Integer, Integer> SIMPLIFIED = simplifiedTable();
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern NOT_CODE_CHARACTER = Pattern.compile("[^0-9A-Z]");

    /** Longest first: 股份有限公司 must go before 有限公司 is tried. */
    private static final List<String> CHINESE_COMPANY_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司");
    private static final Set<String> LATIN_COMPANY_FORMS = Set.of(
            "co", "ltd", "limited", "company", "inc", "corp", "corporation", "llc", "plc");
    private static final List<String> PROVINCES = List.of(
            "黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽",
            "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
            "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门");
    private static final List<String> PROVINCE_FORMS = List.of(
            "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市");
    /** Administrative markers that one filing writes and another leaves out (深圳市南山区 / 深圳南山). */
    private static final Set<Integer> ADDRESS_MARKERS = Set.of((int) '省', (int) '市', (int) '区', (int) '县');

    private NameNormaliser() {
    }

    /**
     * Letters and digits only, half-width, Simplified, lower case: {@code "李 曉華"} and {@code "李晓华"} give one
     * string. Empty for null or blank.
     */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .map(cp -> SIMPLIFIED.getOrDefault(cp, cp))
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }

    /** A person's name as {@link #text}: {@code "Wong Chi-keung"} and {@code "WONG Chi Keung"} meet. */
    public static String personName(String raw) {
        return text(raw);
    }

    /**
     * A business name without its company form: 有限责任公司, 有限公司, 股份有限公司 and 公司 are dropped from the
     * end, and so are trailing Co., Ltd., Limited, Company (and the like) words.
     */
    public static String businessName(String raw) {
        if (raw == null) {
            return "";
        }
        String[] words = NOT_LETTER_OR_DIGIT.split(
                Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        int end = words.length;
        while (end > 1 && LATIN_COMPANY_FORMS.contains(words[end - 1])) {
            end--;
        }
        String name = text(String.join(" ", List.of(words).subList(0, end)));
        for (String form : CHINESE_COMPANY_FORMS) {
            if (name.endsWith(form) && name.length() > form.length()) {
                return name.substring(0, name.length() - form.length());
            }
        }
        return name;
    }

    /**
     * An address without its province and without the markers 省, 市, 区, 县, so that 广东省深圳市南山区文心五路33号 and
     * 深圳南山區文心五路33號 meet.
     */
    public static String address(String raw) {
        String address = text(raw);
        for (String province : PROVINCES) {
            if (address.startsWith(province)) {
                address = address.substring(province.length());
                for (String form : PROVINCE_FORMS) {
                    if (address.startsWith(form)) {
                        address = address.substring(form.length());
                        break;
                    }
                }
                break;
            }
        }
        StringBuilder kept = new StringBuilder(address.length());
        address.codePoints().filter(cp -> !ADDRESS_MARKERS.contains(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * A phone number as its country calling code and national significant number, {@code 86-13800138000}: +86, 0086,
     * a bare 86 before a mobile number and the mainland trunk 0 are dropped, spaces and dashes too. Hong Kong (+852)
     * and Macao (+853) numbers keep their own code. A number written without a country code is taken as the filing
     * region's ({@code homeCallingCode}), unless its shape says mainland (a mobile number of 11 digits, or a trunk 0).
     * Empty when there are no digits.
     */
    public static String phone(String raw, String homeCallingCode) {
        if (raw == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        String digits = NOT_DIGIT.matcher(nfkc).replaceAll("");
        if (digits.isEmpty()) {
            return "";
        }
        boolean international = nfkc.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        String country = null;
        String national = digits;
        if (international) {
            for (String code : List.of(HONG_KONG, MACAO, MAINLAND)) {
                if (digits.startsWith(code)) {
                    country = code;
                    national = digits.substring(code.length());
                    break;
                }
            }
            if (country == null) {
                return "+" + digits;
            }
        } else if (digits.length() == 13 && digits.startsWith("861")) {
            country = MAINLAND;
            national = digits.substring(2);
        } else if (digits.length() == 11 && (digits.startsWith(HONG_KONG) || digits.startsWith(MACAO))) {
            country = digits.substring(0, 3);
            national = digits.substring(3);
        } else if ((digits.length() == 11 && digits.startsWith("1")) || digits.startsWith("0")) {
            country = MAINLAND;
        } else {
            country = homeCallingCode;
        }
        if (MAINLAND.equals(country) && national.startsWith("0")) {
            national = national.substring(1);
        }
        return country + "-" + national;
    }

    /** An identity card or passport number: upper case, letters and digits only ({@code A123456(7)} → A1234567). */
    public static String idNumber(String raw) {
        return code(raw);
    }

    /** A unified social credit code (统一社会信用代码) or a registration number: upper case, letters and digits only. */
    public static String code(String raw) {
        if (raw == null) {
            return "";
        }
        return NOT_CODE_CHARACTER.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT))
                .replaceAll("");
    }

    private static Map<Integer, Integer> simplifiedTable() {
        Map<Integer, Integer> table = new HashMap<>(8192);
        try (InputStream in = NameNormaliser.class.getResourceAsStream("/related/traditional-simplified.tsv")) {
            if (in == null) {
                throw new IllegalStateException("related/traditional-simplified.tsv is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] pair = line.split("\t");
                    table.put(pair[0].codePointAt(0), pair[1].codePointAt(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
