package cn.etdz.common.i18n;

import java.util.Locale;

/**
 * An answer body that holds messages for people (e.g. warnings of an accepted submission): {@link LocalisedAnswers}
 * replaces it with {@link #in(Locale)} for the request's language before it is written.
 */
public interface Localisable<T> {

    /** The same body with its messages in this language. */
    T in(Locale locale);
}
