package io.zenapi.zendesk.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zenapi.zendesk.mock.TicketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's Zendesk: {@code GET /api/v2/tickets} with cursor pagination (100 realistic tickets a page,
 * pre-rendered so the server costs little) and job statuses that complete after a random 1 to 5 polls.
 * Run in its own JVM: {@code BenchServer <tickets> <port-file>}.
 */
public final class BenchServer {
  /** Distinct pre-rendered pages; longer lists repeat their tickets with fresh cursors. */
  static final int DISTINCT_PAGES = 1000;
  static final int PAGE_SIZE = 100;

  private final byte[][] pageTickets = new byte[DISTINCT_PAGES][];
  private final long totalPages;
  private final Map<String, Integer> jobPolls = new ConcurrentHashMap<>();
  private final AtomicLong jobRequests = new AtomicLong();
  private String origin;

  private BenchServer(long tickets) {
    this.totalPages = (tickets + PAGE_SIZE - 1) / PAGE_SIZE;
  }

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    long tickets = Long.parseLong(args[0]);
    Path portFile = Path.of(args[1]);
    BenchServer s = new BenchServer(tickets);
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.origin = "http://127.0.0.1:" + http.getAddress().getPort();
    s.render();
    http.createContext("/api/v2/tickets", s::tickets);
    http.createContext("/api/v2/job_statuses", s::jobs);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.start();
    Files.writeString(portFile, Integer.toString(http.getAddress().getPort()));
  }

  private void render() {
    TicketFactory factory = new TicketFactory(origin, 7);
    for (int p = 0; p < DISTINCT_PAGES; p++) {
      JsonArray items = new JsonArray();
      for (int i = 0; i < PAGE_SIZE; i++) {
        items.add(asZendeskSendsIt(factory.ticket(p * PAGE_SIZE + i), p * PAGE_SIZE + i));
      }
      pageTickets[p] = items.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Non-ASCII text and the custom field shapes the mock's tickets lack: a multi-select list, a date, a decimal. */
  private static JsonObject asZendeskSendsIt(JsonObject t, int n) {
    t.addProperty("subject", t.get("subject").getAsString() + " — Größe été 日本語");
    t.addProperty("raw_subject", t.get("subject").getAsString());
    t.addProperty("description", t.get("description").getAsString() + " Cliente: José Müller, “dringend”.");
    for (String member : new String[] {"custom_fields", "fields"}) {
      JsonArray fields = t.getAsJsonArray(member);
      JsonObject multi = new JsonObject();
      multi.addProperty("id", 360_001_000_004L);
      JsonArray chosen = new JsonArray();
      chosen.add("region_emea");
      chosen.add(n % 2 == 0 ? "tier_gold" : "tier_silver");
      multi.add("value", chosen);
      fields.add(multi);
      JsonObject date = new JsonObject();
      date.addProperty("id", 360_001_000_005L);
      date.addProperty("value", "2026-0" + (1 + n % 9) + "-15");
      fields.add(date);
      JsonObject decimal = new JsonObject();
      decimal.addProperty("id", 360_001_000_006L);
      decimal.addProperty("value", (n % 1000) + ".25");
      fields.add(decimal);
    }
    return t;
  }

  private void tickets(HttpExchange ex) throws IOException {
    String after = query(ex, "page[after]");
    long page = after == null ? 0 : Long.parseLong(after);
    boolean more = page + 1 < totalPages;
    JsonObject meta = new JsonObject();
    meta.addProperty("has_more", more);
    meta.addProperty("after_cursor", Long.toString(page + 1));
    meta.addProperty("before_cursor", Long.toString(page));
    JsonObject links = new JsonObject();
    links.addProperty("next", more ? origin + "/api/v2/tickets.json?page%5Bsize%5D=100&page%5Bafter%5D=" + (page + 1)
        : null);
    links.add("prev", null);
    byte[] head = "{\"tickets\":".getBytes(StandardCharsets.UTF_8);
    byte[] tail = (",\"meta\":" + meta + ",\"links\":" + links + "}").getBytes(StandardCharsets.UTF_8);
    byte[] items = pageTickets[(int) (page % DISTINCT_PAGES)];
    // one write of the whole body: a small trailing write would wait on Nagle + delayed ACK (~40 ms a page)
    byte[] body = new byte[head.length + items.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(items, 0, body, head.length, items.length);
    System.arraycopy(tail, 0, body, head.length + items.length, tail.length);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void jobs(HttpExchange ex) throws IOException {
    jobRequests.incrementAndGet();
    String path = ex.getRequestURI().getPath();
    String body;
    if (path.endsWith("/stats")) {
      body = "{\"job_requests\":" + (jobRequests.get() - 1) + "}";
    } else if (path.endsWith("/reset")) {
      jobPolls.clear();
      jobRequests.set(0);
      body = "{}";
    } else {
      JsonArray statuses = new JsonArray();
      String ids = query(ex, "ids");
      for (String id : ids == null ? new String[] {path.substring(path.lastIndexOf('/') + 1)} : ids.split(",")) {
        statuses.add(poll(id));
      }
      JsonObject o = new JsonObject();
      if (ids == null) {
        o.add("job_status", statuses.get(0));
      } else {
        o.add("job_statuses", statuses);
      }
      body = o.toString();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A job completes on its n-th poll, n random in 1..5 (fixed per id). */
  private JsonObject poll(String id) {
    int polls = jobPolls.merge(id, 1, Integer::sum);
    int needed = 1 + new Random(id.hashCode()).nextInt(5);
    JsonObject s = new JsonObject();
    s.addProperty("id", id);
    s.addProperty("status", polls >= needed ? "completed" : polls == 1 ? "queued" : "working");
    s.addProperty("total", 100);
    s.addProperty("progress", polls >= needed ? 100 : 0);
    return s;
  }

  private static String query(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
