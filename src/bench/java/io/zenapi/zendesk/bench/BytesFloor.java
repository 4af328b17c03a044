package io.zenapi.zendesk.bench;

import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The limit: OkHttp reading every page's bytes into one reused array and discarding them, finding the next link
 * by a byte search at the end of the body. No binding at all; counts tickets by their {@code "id":} after {@code "url"}.
 */
final class BytesFloor implements Contender {
  private static final byte[] NEXT = "\"next\":\"".getBytes(StandardCharsets.US_ASCII);
  private final OkHttpClient http = new OkHttpClient();
  private final String first;
  private byte[] buffer = new byte[1 << 20];

  BytesFloor(String origin) {
    this.first = origin + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  @Override
  public String name() {
    return "limit: OkHttp bytes, no parsing";
  }

  @Override
  public long readAll() throws Exception {
    long pages = 0;
    String url = first;
    while (url != null) {
      Request request = new Request.Builder().url(url).header("Authorization", "Basic YWdlbnQ6cHc=").build();
      int length = 0;
      try (Response response = http.newCall(request).execute()) {
        BufferedSource source = response.body().source();
        int read;
        while ((read = source.read(buffer, length, buffer.length - length)) != -1) {
          length += read;
          if (length == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
          }
        }
      }
      pages++;
      url = next(length);
    }
    return pages * BenchServer.PAGE_SIZE;
  }

  /** The next link: the last {@code "next":"...} in the body, or null for {@code "next":null}. */
  private String next(int length) {
    for (int i = length - NEXT.length; i >= 0; i--) {
      if (java.util.Arrays.equals(buffer, i, i + NEXT.length, NEXT, 0, NEXT.length)) {
        int start = i + NEXT.length;
        int end = start;
        while (buffer[end] != '"') {
          end++;
        }
        return new String(buffer, start, end - start, StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
