package io.zenapi.zendesk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The same hand-written loop with Jackson databind reading the bytes into the same POJO: how far a binder can go. */
final class JacksonFloor implements Contender {
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectReader reader = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .readerFor(BenchPage.class);
  private final String first;

  JacksonFloor(String origin) {
    this.first = origin + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  @Override
  public String name() {
    return "floor: OkHttp + Jackson into a POJO";
  }

  @Override
  public long readAll() throws Exception {
    long n = 0;
    String url = first;
    while (url != null) {
      Request request = new Request.Builder().url(url).header("Authorization", "Basic YWdlbnQ6cHc=").build();
      BenchPage page;
      try (Response response = http.newCall(request).execute()) {
        page = reader.readValue(response.body().byteStream());
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
