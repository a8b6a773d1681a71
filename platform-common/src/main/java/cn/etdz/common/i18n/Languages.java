package cn.etdz.common.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages the platform answers in, chosen from a request's {@code Accept-Language}: Chinese for {@code zh},
 * {@code zh-CN}, {@code zh-Hans} (any {@code zh} tag), English otherwise, also when the header is absent, malformed
 * or names only languages the platform does not speak. Quality values decide between the two.
 */
public final class Languages {

    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** In order of preference when the client accepts either equally, e.g. {@code *}. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static final List<String> TAGS = List.of("en", "zh");

    private Languages() {
    }

    /** The language to answer a request with this {@code Accept-Language} header (may be null). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            // lookup shortens zh-Hans-CN to zh-Hans to zh, so every zh tag finds "zh"; ranges go by q-value
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
            return "zh".equals(tag) ? CHINESE : ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    /** The supported language closest to this locale: Chinese for any Chinese locale, English otherwise. */
    public static Locale supported(Locale locale) {
        return locale != null && CHINESE.getLanguage().equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The {@code Content-Language} value of an answer in this language: {@code zh-CN} or {@code en}. */
    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }
}
