package io.zenapi.zendesk.bench;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.internal.Json;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The floor: raw OkHttp + Gson binding each page to the generated model, following links.next. */
final class Floor implements Contender {
  private final OkHttpClient http = new OkHttpClient();
  private final TypeAdapter<TicketsResponse> adapter = Json.GSON.getAdapter(TicketsResponse.class);
  private final String first;

  Floor(String origin) {
    this.first = origin + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  @Override
  public String name() {
    return "floor: OkHttp + Gson";
  }

  @Override
  public long readAll() throws Exception {
    long n = 0;
    String url = first;
    while (url != null) {
      Request request = new Request.Builder().url(url).header("Authorization", "Basic YWdlbnQ6cHc=").build();
      TicketsResponse page;
      try (Response response = http.newCall(request).execute()) {
        JsonReader reader = Json.GSON.newJsonReader(response.body().charStream());
        page = adapter.read(reader);
      }
      n += page.getTickets().size();
      url = page.getMeta().getHasMore() ? page.getLinks().getNext() : null;
    }
    return n;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
