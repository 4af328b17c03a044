package io.zenapi.zendesk.pagination;

import io.zenapi.zendesk.internal.Exchange;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import retrofit2.Call;

/**
 * Every item of a paginated list operation, fetched page by page as iteration goes.
 *
 * <ul>
 *   <li><b>Lazy</b>: nothing is requested before iteration starts.</li>
 *   <li><b>Re-iterable</b>: each {@link #iterator()} (or {@link #stream()}, {@link #pages()}) starts again from the
 *       first page, with a fresh copy of the first request.</li>
 *   <li><b>Constant memory</b>: at most two pages are held (the current one and the one read ahead, see
 *       {@link #readAhead(boolean)}), plus the addresses of the last 1,024 pages read (to detect a cycle), whatever
 *       the length of the list.</li>
 *   <li><b>Every style Zendesk uses</b>: cursor pagination ({@code page[size]}, default 100, following
 *       {@code links.next} or {@code meta.after_cursor} while {@code meta.has_more}), offset pagination
 *       ({@code next_page}), time-based incremental exports ({@code next_page} until {@code end_of_stream}),
 *       cursor-based incremental exports ({@code after_url} until {@code end_of_stream}) and search export.</li>
 *   <li><b>Safe</b>: an empty page is skipped while the server says more follows; a cursor or next page that does
 *       not advance, or comes back to one already read, throws
 *       {@link io.zenapi.zendesk.errors.PaginationException} instead of looping.</li>
 *   <li><b>Resumable</b>: each {@link Page} carries the {@link PagePosition} of the page after it; save it and
 *       {@link #resumeFrom(PagePosition)} after a failure or a restart.</li>
 * </ul>
 * Errors arrive as the client's typed exceptions. Not thread-safe per iterator; the {@code Paginated} itself is
 * immutable and may be shared.
 *
 * @param <T> the item type
 */
public final class Paginated<T> implements Iterable<T> {
  /** The page size asked for in cursor mode when the call does not set one. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Zendesk's largest page for a cursor or offset list. */
  public static final int MAX_PAGE_SIZE = 100;
  /** Zendesk's largest page for search export and the incremental exports. */
  public static final int MAX_EXPORT_PAGE_SIZE = 1000;

  private final PageSource<?, T> source;

  private Paginated(PageSource<?, T> source) {
    this.source = source;
  }

  /**
   * The list produced by a generated list method (used by {@code ZendeskClient.paginate}).
   *
   * @param exchange the client's transport
   * @param firstPage the call for the first page, as a generated method made it; it is never executed itself
   *     (each iteration sends a fresh copy of its request), so one call serves any number of iterations
   * @param items the items of a page (a null list counts as empty)
   * @param <R> the response type of a page
   * @param <T> the item type
   * @return the list; nothing is requested before iteration starts
   * @throws IllegalArgumentException when an argument is null or the call was not made by a generated method
   */
  public static <R, T> Paginated<T> of(Exchange exchange, Call<R> firstPage, Function<R, List<T>> items) {
    if (exchange == null || firstPage == null || items == null) {
      throw new IllegalArgumentException("paginate: the call and the item extractor must not be null");
    }
    return new Paginated<>(new PageSource<>(exchange, firstPage.request(), items, null, null, true));
  }

  /**
   * The same list with another page size: sent as {@code page[size]} on a cursor list (default
   * {@value #DEFAULT_PAGE_SIZE}), else as {@code per_page} (default: Zendesk's).
   *
   * @param size items per page: at most {@value #MAX_PAGE_SIZE}, or {@value #MAX_EXPORT_PAGE_SIZE} for search export
   *     and the incremental exports
   * @return the new list
   * @throws IllegalArgumentException when the size is out of the operation's range, or the operation takes no page
   *     size
   */
  public Paginated<T> pageSize(int size) {
    return new Paginated<>(source.withPageSize(size));
  }

  /**
   * The same list with read-ahead on or off (on by default). With it on, the next page is requested as soon as the
   * current one has arrived, when its end names the next page plainly, so that it travels while the current page is
   * bound and consumed: at most one page ahead (memory stays bounded to two pages), never past the last page or the
   * end of an export, and dropped when the bound page names another. A caller that stops early may thus cause one
   * request more than it used; {@link #stream()} cancels it when the stream is closed.
   *
   * @param on whether to read ahead
   * @return the new list
   */
  public Paginated<T> readAhead(boolean on) {
    return new Paginated<>(source.withReadAhead(on));
  }

  /**
   * The same list, starting at a saved position instead of the first page.
   *
   * @param position a position saved from a {@link Page}
   * @return the new list
   * @throws IllegalArgumentException when the position is null
   */
  public Paginated<T> resumeFrom(PagePosition position) {
    if (position == null) {
      throw new IllegalArgumentException("resumeFrom: position must not be null");
    }
    return new Paginated<>(source.startingAt(position));
  }

  /**
   * The pages, each with its items and positions.
   *
   * @return the pages, fetched as iteration goes; each iteration starts again
   */
  public Iterable<Page<T>> pages() {
    return source::walk;
  }

  /** The items, across pages. */
  @Override
  public Iterator<T> iterator() {
    return items(source.walk());
  }

  private Iterator<T> items(Iterator<Page<T>> pages) {
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * The items as a sequential stream; pages are fetched as the stream is consumed. Closing the stream cancels a
   * page requested ahead.
   *
   * @return a stream of the items
   */
  public Stream<T> stream() {
    PageSource<?, T>.Walk walk = source.walk();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items(walk), Spliterator.ORDERED), false)
        .onClose(walk::close);
  }
}
