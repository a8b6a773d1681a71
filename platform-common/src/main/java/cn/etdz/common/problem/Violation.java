package cn.etdz.common.problem;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Locale;

/**
 * One thing wrong with a request: which field, a stable machine-readable code, and a message for people in the
 * answer's language.
 *
 * @param field   JSON path of the offending value, e.g. {@code values[1].value} or {@code zone}
 * @param code    stable code clients can switch on, e.g. {@code out-of-range}; the same in every language
 * @param message human-readable explanation (English until {@link #in(Locale)} puts it into the answer's language)
 * @param text    the message as key and arguments; null for text that has no key (e.g. read back from before keys)
 */
public record Violation(String field, String code, String message, @JsonIgnore Message text) {

    /** A violation whose message is put into the answer's language. */
    public Violation(String field, String code, Message text) {
        this(field, code, text.in(Languages.ENGLISH), text);
    }

    /** A violation whose message is this text in every language. */
    public Violation(String field, String code, String message) {
        this(field, code, message, null);
    }

    /** The same violation with its message in this language. */
    public Violation in(Locale locale) {
        return text == null ? this : new Violation(field, code, text.in(locale), text);
    }

    /** The same violation for a field inside another, e.g. {@code methodology.} + its field. */
    public Violation under(String prefix) {
        return new Violation(prefix + field, code, message, text);
    }
}
