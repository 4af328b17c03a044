package io.zenapi.zendesk.pagination;

import io.zenapi.zendesk.errors.PaginationException;
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
  private final Function<R, List<T>> items;
  private final Integer pageSize;
  private final PagePosition start;

  /**
   * @param first the first page's request, as the generated method built it (every walk starts from it)
   * @param pageSize the page size the caller asked for, or null for the default
   */
  PageSource(Exchange exchange, Request first, Function<R, List<T>> items, Integer pageSize, PagePosition start) {
    this.exchange = exchange;
    this.first = first;
    this.type = Exchange.responseType(first);
    this.items = items;
    this.pageSize = pageSize;
    this.start = start;
  }

  PageSource<R, T> withPageSize(int size) {
    String parameter = pageSizeParameter(first);
    if (parameter == null) {
      throw new IllegalArgumentException(operation(first) + " takes no page size (it declares neither page[size]"
          + " nor per_page)");
    }
    int max = maxPageSize(first);
    if (size < 1 || size > max) {
      throw new IllegalArgumentException("page size of " + operation(first) + " must be between 1 and " + max
          + ", was " + size);
    }
    return new PageSource<>(exchange, first, items, size, start);
  }

  PageSource<R, T> startingAt(PagePosition position) {
    return new PageSource<>(exchange, first, items, pageSize, position);
  }

  /** A fresh walk over the pages; makes the first call only when first asked for a page. */
  Iterator<Page<T>> walk() {
    return new Walk();
  }

  private final class Walk implements Iterator<Page<T>> {
    private boolean started;
    private Request next;
    private PaginationException failure;
    private HttpUrl origin;
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
      @SuppressWarnings("unchecked")
      R response = (R) exchange.executeForBody(request, type); // an empty page body must not end the list
      List<T> pageItems = items.apply(response);
      try {
        next = successor(request, response);
      } catch (PaginationException e) {
        // hand this page's items over first; the failure surfaces when the caller asks for more
        next = null;
        failure = e;
      }
      PagePosition here = PagePosition.parse(request.url().toString());
      Optional<PagePosition> after = next == null ? Optional.empty()
          : Optional.of(PagePosition.parse(next.url().toString()));
      return new Page<>(pageItems == null ? List.of() : List.copyOf(pageItems), here, after);
    }

    private void begin() {
      started = true;
      origin = first.url();
      if (start != null) {
        next = first.newBuilder().url(rebase(start.url())).build();
        return;
      }
      String parameter = pageSizeParameter(first);
      boolean cursor = "page[size]".equals(parameter);
      if (parameter != null && (pageSize != null || cursor)) {
        // cursor pagination is asked for by sending page[size]; offset pages keep Zendesk's default size unless set
        int size = pageSize != null ? pageSize : Paginated.DEFAULT_PAGE_SIZE;
        next = first.newBuilder()
            .url(first.url().newBuilder().setQueryParameter(parameter, Integer.toString(size)).build())
            .build();
      } else {
        next = first;
      }
    }

    /** The request for the page after {@code response}, or null when the list is complete. */
    private Request successor(Request current, R response) {
      Object endOfStream = ModelFields.get(response, "end_of_stream");
      if (endOfStream instanceof Boolean eos) {
        if (eos) {
          return null;
        }
        String url = firstNonNull(ModelFields.string(response, "after_url"),
            ModelFields.string(response, "next_page"));
        if (url == null) {
          throw new PaginationException("incremental export at " + current.url().encodedPath()
              + " says end_of_stream is false but gives no after_url or next_page");
        }
        return advance(current, rebase(url), ModelFields.string(response, "after_cursor"));
      }
      Object meta = ModelFields.get(response, "meta");
      if (ModelFields.get(meta, "has_more") instanceof Boolean hasMore) {
        if (!hasMore) {
          return null;
        }
        String cursor = ModelFields.string(meta, "after_cursor");
        String link = ModelFields.string(ModelFields.get(response, "links"), "next");
        if (link != null && !link.isBlank()) {
          return advance(current, rebase(link), cursor);
        }
        if (cursor == null || cursor.isBlank()) {
          throw new PaginationException(current.url().encodedPath() + " says has_more but gives neither"
              + " links.next nor meta.after_cursor");
        }
        HttpUrl url = current.url().newBuilder().removeAllQueryParameters("page[before]")
            .setQueryParameter("page[after]", cursor).build();
        return advance(current, url, cursor);
      }
      String nextPage = ModelFields.string(response, "next_page");
      return nextPage == null || nextPage.isBlank() ? null : advance(current, rebase(nextPage), null);
    }

    private Request advance(Request current, HttpUrl url, String cursor) {
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
