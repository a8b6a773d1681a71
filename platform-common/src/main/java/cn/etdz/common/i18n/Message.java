package cn.etdz.common.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text for people as a key with arguments, put into words only when the answer's language is known. The key's first
 * part names its bundle: {@code indicator.zone.unknown} is in {@code i18n/indicator.properties} (English) and
 * {@code i18n/indicator_zh_CN.properties} (Chinese). Arguments are kept as text, formatted where the message is
 * made, so a number reads the same in both languages (no grouping separators added by {@link MessageFormat}).
 *
 * @param key  bundle key, e.g. {@code common.validation.title}
 * @param args the values of {@code {0}}, {@code {1}} … in the pattern
 */
public record Message(String key, List<String> args) {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The message in this language (one of {@link Languages#SUPPORTED}; English for any other). */
    public String in(Locale locale) {
        return MessageFormat.format(pattern(key, locale), args.toArray());
    }

    /** The pattern of a key in a language; a missing key is a programming error, which the bundle tests catch. */
    static String pattern(String key, Locale locale) {
        return bundle(bundleName(key), Languages.supported(locale)).getString(key);
    }

    static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle("i18n." + name, Languages.CHINESE.equals(locale) ? locale : Locale.ROOT,
                Message.class.getClassLoader(), NO_FALLBACK);
    }

    static String bundleName(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new MissingResourceException("A message key starts with its bundle's name: " + key, key, key);
        }
        return key.substring(0, dot);
    }
}
