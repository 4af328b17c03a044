package io.zenapi.zendesk.pagination;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param items the page's items (possibly empty, even when more pages follow)
 * @param position where this page was read from: resuming here reads this page again
 * @param next where the following page is, or empty on the last page: save it after handling this page's items,
 *     and a restart resumes with no duplicate and no gap
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PagePosition position, Optional<PagePosition> next) {}
