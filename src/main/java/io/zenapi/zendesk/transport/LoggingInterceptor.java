package io.zenapi.zendesk.transport;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs one line per HTTP attempt: method, URL, status, time taken and Zendesk's request id. It never logs
 * headers or bodies, and replaces the values of query parameters that may carry secrets.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final Set<String> SECRET_WORDS = Set.of("token", "password", "secret", "code", "key", "auth");
  private final Consumer<String> log;

  /** @param log where the lines go */
  public LoggingInterceptor(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    String what = request.method() + " " + redact(request.url());
    try {
      Response response = chain.proceed(request);
      String id = response.header("X-Zendesk-Request-Id");
      log.accept(what + " -> " + response.code() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
          + (id == null ? "" : " (request id " + id + ")"));
      return response;
    } catch (IOException e) {
      log.accept(what + " -> " + e.getClass().getSimpleName() + " after "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
      throw e;
    }
  }

  /**
   * The URL with the values of secret-looking query parameters replaced by {@code REDACTED}.
   *
   * @param url the URL
   * @return the URL as a string, redacted and without user name or password
   */
  public static String redact(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
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
