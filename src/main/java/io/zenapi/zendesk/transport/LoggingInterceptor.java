package io.zenapi.zendesk.transport;

import io.zenapi.zendesk.ZendeskLogger;
import java.lang.System.Logger.Level;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs one line per HTTP attempt at DEBUG: method, URL, status, time taken and Zendesk's request id. It never logs
 * headers or bodies, and replaces the query values that are not paging or ordering (see {@link #redact(HttpUrl)}).
 */
public final class LoggingInterceptor implements Interceptor {
  private static final String KEPT_NOTE = "page, per_page, page[size], page[after], page[before], sort, sort_by, "
      + "sort_order, include, start_time, cursor";
  /** The query parameters whose values are logged: paging and ordering, never customer data or secrets. */
  private static final Set<String> KEPT = Set.of(KEPT_NOTE.split(", "));
  private final ZendeskLogger log;

  /** @param log where the lines go */
  public LoggingInterceptor(Consumer<String> log) {
    this(ZendeskLogger.lines(log));
  }

  /** @param log where the lines go, at DEBUG */
  public LoggingInterceptor(ZendeskLogger log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isLoggable(Level.DEBUG)) {
      return chain.proceed(request); // no line would be kept: no URL redacted for nothing on every attempt
    }
    long start = System.nanoTime();
    String what = request.method() + " " + redact(request.url());
    try {
      Response response = chain.proceed(request);
      String id = response.header("X-Zendesk-Request-Id");
      log.log(Level.DEBUG, what + " -> " + response.code() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
          + (id == null ? "" : " (request id " + id + ")"));
      return response;
    } catch (IOException e) {
      log.log(Level.DEBUG, what + " -> " + e.getClass().getSimpleName() + " after "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
      throw e;
    }
  }

  /**
   * The URL with the value of every query parameter replaced by {@code REDACTED}, except those that only page or
   * order a list ({@code page, per_page, page[size], page[after], page[before], sort, sort_by,
   * sort_order, include, start_time, cursor}): a query value can hold a secret ({@code access_token}) or customer data
   * (a search query, an email, an external id), and a log is no place for either.
   *
   * @param url the URL
   * @return the URL as a string, redacted and without user name or password
   */
  public static String redact(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (!KEPT.contains(name)) {
        b.setQueryParameter(name, "REDACTED");
      }
    }
    HttpUrl redacted = b.build();
    if (!redacted.username().isEmpty() || !redacted.password().isEmpty()) {
      redacted = redacted.newBuilder().username("").password("").build();
    }
    return redacted.toString();
  }
}
