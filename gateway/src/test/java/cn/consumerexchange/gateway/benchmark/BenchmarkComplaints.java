package cn.consumerexchange.gateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Shenzhen's complaints for the benchmark: the gba-xml sample about a business in Shanghai's Pudong district, each with
 * its own message id, case number and complainant (name, mobile, identity number). Distinct complainants keep the
 * related-case check (并案) at the work a real day brings; ten thousand filings by one person would measure its worst
 * case instead.
 */
final class BenchmarkComplaints {

    static final String SAMPLE = "gba-xml/complaint-to-shanghai.xml";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞红梅鹏辉建波宁晨欣悦佳琳浩然宇轩子涵思远博文雨萱";
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1950, 1, 1);

    private final String template = GatewayTestSupport.sample(SAMPLE);

    /** The message id of complaint {@code number} of the run {@code run}. */
    static String messageId(String run, int number) {
        return "SZ-BENCH-" + run + "-" + number;
    }

    /** Complaint {@code number} of the run {@code run}, in gba-xml, UTF-8. */
    byte[] complaint(String run, int number) {
        String name = "" + SURNAMES.charAt(number % SURNAMES.length())
                + GIVEN.charAt(number / SURNAMES.length() % GIVEN.length())
                + GIVEN.charAt(number / (SURNAMES.length() * GIVEN.length()) % GIVEN.length());
        String birthday = FIRST_BIRTHDAY.plusDays(number % 20_000).format(DateTimeFormatter.BASIC_ISO_DATE);
        return template
                .replace("SZ-20261120-000123", messageId(run, number))
                .replace("SZ12315-2026-000123", "SZ12315-" + run + "-" + number)
                .replace("陈晓明", name)
                .replace("13800138000", String.format(Locale.ROOT, "139%08d", number % 100_000_000))
                .replace("440305199001011234", "440305" + birthday + String.format(Locale.ROOT, "%03d", number % 1000)
                        + "4")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The size of a complaint as sent, for the raw broker's messages of the same size. */
    int size() {
        return complaint("00000000", 0).length;
    }
}
