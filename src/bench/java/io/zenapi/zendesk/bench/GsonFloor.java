package io.zenapi.zendesk.bench;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor: the loop a user writes by hand with OkHttp and Gson, binding each page into a plain POJO whose
 * timestamps stay strings, following {@code links.next}.
 */
final class GsonFloor implements Contender {
  private final OkHttpClient http = new OkHttpClient();
  private final Gson gson = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
      .create();
  private final TypeAdapter<BenchPage> adapter = gson.getAdapter(BenchPage.class);
  private final String first;

  GsonFloor(String origin) {
    this.first = origin + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  @Override
  public String name() {
    return "floor: OkHttp + Gson into a POJO";
  }

  @Override
  public long readAll() throws Exception {
    long n = 0;
    String url = first;
    while (url != null) {
      Request request = new Request.Builder().url(url).header("Authorization", "Basic YWdlbnQ6cHc=").build();
      BenchPage page;
      try (Response response = http.newCall(request).execute()) {
        page = adapter.read(gson.newJsonReader(response.body().charStream()));
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
