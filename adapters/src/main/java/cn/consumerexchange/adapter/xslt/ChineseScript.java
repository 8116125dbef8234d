package cn.consumerexchange.adapter.xslt;

import com.github.houbb.opencc4j.util.ZhHkConverterUtil;

/**
 * Converts between Traditional (繁體) and Simplified (简体) Chinese with OpenCC's phrase tables, in the Hong Kong
 * variant that Hong Kong and Macao texts use ({@code 台灣}, not {@code 臺灣}). Thread-safe.
 */
final class ChineseScript {

    static {
        // opencc4j fills some of its shared dictionaries lazily, publishing a map before it is complete. Converting
        // once here completes them during class initialisation, which every thread that uses this class waits for.
        ZhHkConverterUtil.toTraditional(ZhHkConverterUtil.toSimple("消費者委員會"));
    }

    private ChineseScript() {
    }

    static String simplified(String text) {
        return ZhHkConverterUtil.toSimple(text);
    }

    static String traditional(String text) {
        return ZhHkConverterUtil.toTraditional(text);
    }
}
