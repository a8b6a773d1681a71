package cn.etdz.common.api;

/**
 * The {@code page}/{@code size} query parameters of every listing (read by {@link QueryParameters}): a page is
 * numbered from 0, holds 1 to {@value #MAX_SIZE} rows, and a page past the last row is empty (never an error, however
 * large its number).
 */
public final class Paging {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    private Paging() {
    }

    /** Index of the page's first row; a {@code long}, as {@code page × size} overflows an {@code int}. */
    public static long firstRow(int page, int size) {
        return (long) page * size;
    }

    /** Whether the page starts at or after the last of {@code total} rows, so it is empty without reading it. */
    public static boolean pastTheEnd(int page, int size, long total) {
        return firstRow(page, size) >= total;
    }
}
