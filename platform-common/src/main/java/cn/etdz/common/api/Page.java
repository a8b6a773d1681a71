package cn.etdz.common.api;

import cn.etdz.common.i18n.Localisable;

import java.util.List;
import java.util.Locale;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total rows matching the filters across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) implements Localisable<Page<T>> {

    /** The page with the messages of its rows (those that hold any) in this language. */
    @Override
    @SuppressWarnings("unchecked")
    public Page<T> in(Locale locale) {
        return new Page<>(items.stream().map(item -> item instanceof Localisable<?> row ? (T) row.in(locale) : item).toList(),
                page, size, total);
    }
}
