package io.zenapi.zendesk.pagination;

import io.zenapi.zendesk.errors.PaginationException;
import io.zenapi.zendesk.internal.BodyBuffer;
import io.zenapi.zendesk.internal.Exchange;
import io.zenapi.zendesk.internal.ModelFields;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.Query;

/**
 * The pagination engine: walks the pages of any generated list operation. The first request is the one the
 * generated method builds; each following request is the same request at the URL the previous page names.
 */
final class PageSource<R, T> {
  private final Exchange exchange;
  private final Request first;
  private final Type type;
  /** {@code page[size]}, {@code per_page} or null: read once from the generated method, used on every page. */
  private final String sizeParameter;
  private final Function<R, List<T>> items;
  private final Integer pageSize;
  private final PagePosition start;
  private final boolean readAhead;

  /**
   * @param first the first page's request, as the generated method built it (every walk starts from it)
   * @param pageSize the page size the caller asked for, or null for the default
   */
  PageSource(Exchange exchange, Request first, Function<R, List<T>> items, Integer pageSize, PagePosition start,
      boolean readAhead) {
    this.readAhead = readAhead;
    this.exchange = exchange;
    this.first = first;
    this.type = Exchange.responseType(first);
    this.sizeParameter = pageSizeParameter(first);
    this.items = items;
    this.pageSize = pageSize;
    this.start = start;
  }

  PageSource<R, T> withPageSize(int size) {
    if (sizeParameter == null) {
      throw new IllegalArgumentException(operation(first) + " takes no page size (it declares neither page[size]"
          + " nor per_page)");
    }
    int max = maxPageSize(first);
    if (size < 1 || size > max) {
      throw new IllegalArgumentException("page size of " + operation(first) + " must be between 1 and " + max
          + ", was " + size);
    }
    return new PageSource<>(exchange, first, items, size, start, readAhead);
  }

  PageSource<R, T> startingAt(PagePosition position) {
    return new PageSource<>(exchange, first, items, pageSize, position, readAhead);
  }

  PageSource<R, T> withReadAhead(boolean on) {
    return new PageSource<>(exchange, first, items, pageSize, start, on);
  }

  /** A fresh walk over the pages; makes the first call only when first asked for a page. */
  Walk walk() {
    return new Walk();
  }

  /** One walk over the pages; {@link #close()} cancels a page requested ahead. */
  final class Walk implements Iterator<Page<T>>, AutoCloseable {
    /** The next page, requested while the caller works on the current one (read-ahead), and its request. */
    private java.util.concurrent.CompletableFuture<Exchange.Fetched> ahead;
    private Request aheadRequest;
    /** The free body buffer, null while both are in use: bodies are read into two buffers in turn (the page being
     *  bound, the page read ahead), the same memory page after page instead of fresh garbage. */
    private BodyBuffer spare = new BodyBuffer();
    private boolean started;
    private Request next;
    private PaginationException failure;
    private HttpUrl origin;
    /** The items of a time-based export at the previous page's end_time, which the next page repeats. */
    private TimeBoundary boundary = TimeBoundary.NONE;
    /** The recent pages read and cursors met: a link or cursor seen again means a cycle. Bounded, so memory stays
     *  constant however long the list (a cycle longer than the window is not seen; none such is known). */
    private final Set<HttpUrl> visited = recent();
    private final Set<String> cursors = recent();

    @Override
    public boolean hasNext() {
      if (!started) {
        begin();
      }
      if (failure != null) {
        throw failure;
      }
      return next != null;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Request request = next;
      Exchange.Fetched fetched = take(request);
      if (readAhead) {
        requestAhead(request, fetched);
      }
      @SuppressWarnings("unchecked")
      R response = (R) exchange.bind(fetched, type); // an empty page body must not end the list
      if (spare == null) {
        spare = fetched.body(); // bound: its buffer is free for the page after the next
      }
      List<T> pageItems = items.apply(response);
      pageItems = pageItems == null ? List.of() : pageItems;
      Object endTime = ModelFields.get(response, "end_time");
      if (endTime instanceof Number end) {
        // a time-based export repeats the items stamped end_time on the next page: drop the ones already given
        List<T> all = pageItems;
        pageItems = boundary.drop(all);
        boundary = TimeBoundary.after(all, end.longValue());
      }
      HttpUrl resume = null;
      try {
        Successor following = successor(request, response);
        next = following.request();
        resume = following.resume();
      } catch (PaginationException e) {
        // hand this page's items over first; the failure surfaces when the caller asks for more
        next = null;
        failure = e;
      }
      if (ahead != null && (next == null || !aheadRequest.url().equals(next.url()))) {
        close(); // the early guess was not the page that follows: drop it
      }
      PagePosition here = PagePosition.parse(request.url().toString());
      Optional<PagePosition> after = resume == null ? Optional.empty()
          : Optional.of(PagePosition.parse(resume.newBuilder().fragment(boundary.fragment()).build().toString()));
      return new Page<>(List.copyOf(pageItems), here, after);
    }

    /** The answer to {@code request}: the one requested ahead when it is that request, else fetched now. */
    private Exchange.Fetched take(Request request) {
      if (ahead == null || !aheadRequest.url().equals(request.url())) {
        close();
        return exchange.fetch(request, takeSpare());
      }
      java.util.concurrent.CompletableFuture<Exchange.Fetched> pending = ahead;
      ahead = null;
      aheadRequest = null;
      try {
        return pending.get();
      } catch (InterruptedException e) {
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw new io.zenapi.zendesk.errors.ZendeskTransportException("interrupted: GET "
            + request.url().encodedPath(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /**
     * Requests the page after {@code current} now, when its body's end names it, so that it travels while this page
     * is bound and consumed; at most one page ahead, never past the last.
     */
    private void requestAhead(Request current, Exchange.Fetched fetched) {
      String link = NextPagePeek.next(fetched.body());
      if (link == null) {
        return;
      }
      try {
        HttpUrl url = keepPageSize(rebase(link));
        if (!url.equals(current.url()) && !visited.contains(url)) {
          aheadRequest = current.newBuilder().url(url).build();
          ahead = exchange.fetchAsync(aheadRequest, takeSpare());
        }
      } catch (PaginationException e) {
        // not a usable address: the bound page decides
      }
    }

    /** The spare buffer, or a new one when both are in use. */
    private BodyBuffer takeSpare() {
      BodyBuffer buffer = spare != null ? spare : new BodyBuffer();
      spare = null;
      return buffer;
    }

    /** Cancels the page requested ahead, if any; its buffer may still be written by the cancelled call: dropped. */
    @Override
    public void close() {
      if (ahead != null) {
        ahead.cancel(true);
        ahead = null;
        aheadRequest = null;
      }
    }

    private void begin() {
      started = true;
      origin = first.url();
      if (start != null) {
        HttpUrl saved = rebase(start.url());
        boundary = TimeBoundary.fromFragment(saved.fragment());
        next = first.newBuilder().url(keepPageSize(saved.newBuilder().fragment(null).build())).build();
        return;
      }
      boolean cursor = "page[size]".equals(sizeParameter);
      if (sizeParameter != null && (pageSize != null || cursor)) {
        // cursor pagination is asked for by sending page[size]; offset pages keep Zendesk's default size unless set
        int size = pageSize != null ? pageSize : Paginated.DEFAULT_PAGE_SIZE;
        next = first.newBuilder()
            .url(first.url().newBuilder().setQueryParameter(sizeParameter, Integer.toString(size)).build())
            .build();
      } else {
        next = first;
      }
    }

    /**
     * What follows {@code response}: the request for the next page (null when the list is complete) and the
     * position to resume from later, which the last page of an export or cursor list has too: continuing there
     * reads only what changed or was added since.
     */
    private Successor successor(Request current, R response) {
      Object endOfStream = ModelFields.get(response, "end_of_stream");
      if (endOfStream instanceof Boolean eos) {
        String url = firstNonNull(ModelFields.string(response, "after_url"),
            ModelFields.string(response, "next_page"));
        if (eos) {
          return new Successor(null, url == null ? null : rebase(url));
        }
        if (url == null) {
          throw new PaginationException("incremental export at " + current.url().encodedPath()
              + " says end_of_stream is false but gives no after_url or next_page");
        }
        Request following = advance(current, rebase(url), ModelFields.string(response, "after_cursor"));
        return new Successor(following, following.url());
      }
      Object meta = ModelFields.get(response, "meta");
      if (ModelFields.get(meta, "has_more") instanceof Boolean hasMore) {
        String cursor = ModelFields.string(meta, "after_cursor");
        HttpUrl afterCursor = cursor == null || cursor.isBlank() ? null : current.url().newBuilder()
            .removeAllQueryParameters("page[before]").setQueryParameter("page[after]", cursor).build();
        if (!hasMore) {
          return new Successor(null, afterCursor);
        }
        String link = ModelFields.string(ModelFields.get(response, "links"), "next");
        if (link != null && !link.isBlank()) {
          Request following = advance(current, rebase(link), cursor);
          return new Successor(following, following.url());
        }
        if (afterCursor == null) {
          throw new PaginationException(current.url().encodedPath() + " says has_more but gives neither"
              + " links.next nor meta.after_cursor");
        }
        Request following = advance(current, afterCursor, cursor);
        return new Successor(following, following.url());
      }
      String nextPage = ModelFields.string(response, "next_page");
      if (nextPage == null || nextPage.isBlank()) {
        return new Successor(null, null);
      }
      Request following = advance(current, rebase(nextPage), null);
      return new Successor(following, following.url());
    }

    private Request advance(Request current, HttpUrl link, String cursor) {
      HttpUrl url = keepPageSize(link);
      if (url.equals(current.url())) {
        throw new PaginationException("the next page of " + current.url().encodedPath()
            + " is the page just read (" + LoggingSafe.url(url) + "): the server's cursor did not advance");
      }
      visited.add(current.url());
      if (!visited.add(url)) {
        throw new PaginationException("the next page of " + current.url().encodedPath()
            + " was already read in this walk (" + LoggingSafe.url(url) + "): the server's cursor went back");
      }
      if (cursor != null && !cursors.add(cursor)) {
        throw new PaginationException("the cursor of " + current.url().encodedPath()
            + " did not advance: after_cursor repeated");
      }
      return current.newBuilder().url(url).build();
    }

    /**
     * The next page's URL with the page size the caller set, when the server's link leaves it out (the incremental
     * exports' {@code after_url} and {@code next_page} do): every page is then the size asked for.
     */
    private HttpUrl keepPageSize(HttpUrl link) {
      if (pageSize == null || sizeParameter == null || link.queryParameter(sizeParameter) != null) {
        return link;
      }
      return link.newBuilder().addQueryParameter(sizeParameter, Integer.toString(pageSize)).build();
    }

    /** The server's link on the client's own origin: credentials only ever go to the configured host. */
    private HttpUrl rebase(String link) {
      HttpUrl parsed = HttpUrl.parse(link);
      if (parsed == null) {
        parsed = origin.resolve(link);
      }
      if (parsed == null) {
        throw new PaginationException("the next page link is not a URL: " + link);
      }
      return parsed.newBuilder().scheme(origin.scheme()).host(origin.host()).port(origin.port()).build();
    }
  }

  /** The next page's request (null at the end) and where to resume later (null when nothing can follow). */
  private record Successor(Request request, HttpUrl resume) {}

  /** How many recent page addresses and cursors a walk remembers to detect a cycle. */
  static final int CYCLE_WINDOW = 1024;

  private static <E> Set<E> recent() {
    return java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<E, Boolean>() {
      @Override
      protected boolean removeEldestEntry(java.util.Map.Entry<E, Boolean> eldest) {
        return size() > CYCLE_WINDOW;
      }
    });
  }

  /**
   * The query parameter that sets the page size of the operation: {@code page[size]} when its generated method
   * declares it (cursor pagination), else {@code per_page}; null when it declares neither.
   */
  static String pageSizeParameter(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return null;
    }
    String found = null;
    for (Annotation[] annotations : invocation.method().getParameterAnnotations()) {
      for (Annotation a : annotations) {
        if (a instanceof Query q && q.value().equals("page[size]")) {
          return q.value();
        }
        if (a instanceof Query q && q.value().equals("per_page")) {
          found = q.value();
        }
      }
    }
    return found;
  }

  /**
   * Zendesk's largest page for the operation: 1,000 for search export and the incremental exports, 100 for every
   * other list (Zendesk's pagination reference).
   */
  static int maxPageSize(Request request) {
    String path = request.url().encodedPath();
    return path.endsWith("/api/v2/search/export") || path.contains("/api/v2/incremental/")
        ? Paginated.MAX_EXPORT_PAGE_SIZE : Paginated.MAX_PAGE_SIZE;
  }

  private static String operation(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null ? request.url().encodedPath() : invocation.method().getName();
  }

  private static String firstNonNull(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  /** URLs in messages: the path and query names only. */
  private static final class LoggingSafe {
    static String url(HttpUrl url) {
      return url.encodedPath() + (url.querySize() == 0 ? "" : "?" + String.join("&", url.queryParameterNames()));
    }
  }
}
