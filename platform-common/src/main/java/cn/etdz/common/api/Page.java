package cn.etdz.common.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total rows matching the filters across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
