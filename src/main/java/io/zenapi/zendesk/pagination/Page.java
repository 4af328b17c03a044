package io.zenapi.zendesk.pagination;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param items the page's items (possibly empty, even when more pages follow)
 * @param position where this page was read from: resuming here reads this page again
 * @param next where to go on from after this page: the following page, or on the last page of an incremental export
 *     or a cursor list the position that later reads only what changed or was added since (an export's
 *     {@code after_url}/{@code next_page}, a list's {@code after_cursor}); empty when nothing can follow (the last
 *     page of an offset list). Save it after handling this page's items: resuming there gives no duplicate and no
 *     gap, in this process or another
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PagePosition position, Optional<PagePosition> next) {}
