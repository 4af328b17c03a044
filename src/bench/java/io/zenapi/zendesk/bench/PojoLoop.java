package io.zenapi.zendesk.bench;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okhttp3.Response;

/**
 * The loop a user writes by hand: OkHttp requests each page, a binder reads it into {@link BenchPage}, and the loop
 * follows {@code links.next} while {@code meta.has_more}. The floors differ only in the binder.
 */
abstract class PojoLoop implements Contender {
  private final OkHttpClient http = new OkHttpClient();
  private final String first;

  PojoLoop(String origin) {
    this.first = origin + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  /** Binds one page's body. */
  abstract BenchPage read(ResponseBody body) throws Exception;

  @Override
  public long readAll() throws Exception {
    long n = 0;
    String url = first;
    while (url != null) {
      Request request = new Request.Builder().url(url).header("Authorization", "Basic YWdlbnQ6cHc=").build();
      BenchPage page;
      try (Response response = http.newCall(request).execute()) {
        page = read(response.body());
      }
      for (BenchPage.Ticket t : page.tickets) {
        n += t.id > 0 ? 1 : 0;
      }
      url = page.meta.hasMore ? page.links.next : null;
    }
    return n;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
