package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The mock's suspended tickets: listed (cursor or offset), shown, recovered (one or many; each becomes a ticket
 * of the mock's tickets) and deleted.
 */
public final class MockSuspendedTickets {
  private final ConcurrentSkipListMap<Long, JsonObject> suspended = new ConcurrentSkipListMap<>();
  private final MockTickets tickets;

  MockSuspendedTickets(MockTickets tickets) {
    this.tickets = tickets;
  }

  void seed(String origin, int count) {
    suspended.clear();
    for (int i = 0; i < count; i++) {
      long id = 500_000_000_000L + i;
      JsonObject s = new JsonObject();
      s.addProperty("id", id);
      s.addProperty("url", origin + "/api/v2/suspended_tickets/" + id + ".json");
      JsonObject author = new JsonObject();
      author.addProperty("id", 360_000_000_000L + i);
      author.addProperty("name", "Sender " + i);
      author.addProperty("email", "sender" + i + "@example.com");
      s.add("author", author);
      s.addProperty("subject", "Out of office " + i);
      s.addProperty("content", "I am away until Monday.");
      s.addProperty("cause", i % 3 == 0 ? "Detected as spam" : "Automated response mail");
      s.addProperty("cause_id", i % 3 == 0 ? 0 : 4);
      s.addProperty("created_at", Instant.parse("2025-02-01T00:00:00Z").plusSeconds(3600L * i).toString());
      s.addProperty("updated_at", Instant.parse("2025-02-01T00:00:00Z").plusSeconds(3600L * i).toString());
      s.addProperty("recipient", "support@acme.zendesk.com");
      s.addProperty("brand_id", 420_000_000_000L);
      s.add("attachments", new JsonArray());
      s.add("ticket_id", null);
      JsonObject via = new JsonObject();
      via.addProperty("channel", "email");
      s.add("via", via);
      suspended.put(id, s);
    }
  }

  /** How many suspended tickets there are. */
  public int count() {
    return suspended.size();
  }

  void register(Router router) {
    router.on("GET", "/api/v2/suspended_tickets", req -> Pages.list(req, "suspended_tickets", suspended));
    router.on("GET", "/api/v2/suspended_tickets/(\\d+)", req -> {
      JsonObject s = suspended.get(req.pathId(1));
      if (s == null) {
        return Reply.error(404, "RecordNotFound", "Not found");
      }
      // Zendesk answers {"suspended_ticket": {...}}; its reference example shows {"suspended_tickets": [...]}: both
      // are given (the generated ShowSuspendedTicketResponse reads both), so either kind of client finds the ticket
      JsonObject body = MockTickets.wrap("suspended_ticket", s);
      JsonArray one = new JsonArray();
      one.add(s);
      body.add("suspended_tickets", one);
      return Reply.json(200, body);
    });
    router.on("DELETE", "/api/v2/suspended_tickets/(\\d+)", req -> suspended.remove(req.pathId(1)) == null
        ? Reply.error(404, "RecordNotFound", "Not found") : Reply.noContent());
    router.on("PUT", "/api/v2/suspended_tickets/(\\d+)/recover", req -> {
      JsonObject s = suspended.remove(req.pathId(1));
      if (s == null) {
        return Reply.error(404, "RecordNotFound", "Not found");
      }
      // a live account answers the ticket itself (Zendesk's reference shows a list of one; the client reads both)
      return Reply.json(200, MockTickets.wrap("ticket", recover(req.origin(), s)));
    });
    router.on("PUT", "/api/v2/suspended_tickets/recover_many", req -> {
      JsonArray recovered = new JsonArray();
      for (long id : ids(req)) {
        JsonObject s = suspended.remove(id);
        if (s != null) {
          recovered.add(recover(req.origin(), s));
        }
      }
      return Reply.json(200, MockTickets.wrap("tickets", recovered));
    });
    router.on("DELETE", "/api/v2/suspended_tickets/destroy_many", req -> {
      for (long id : ids(req)) {
        suspended.remove(id);
      }
      return Reply.noContent();
    });
  }

  /** Recovering makes a real ticket (with a ticket id of its own), as on Zendesk: it can be read afterwards. */
  private JsonObject recover(String origin, JsonObject s) {
    JsonObject fields = new JsonObject();
    fields.add("subject", s.get("subject"));
    fields.add("raw_subject", s.get("subject"));
    fields.add("description", s.get("content"));
    fields.addProperty("requester_id", s.getAsJsonObject("author").get("id").getAsLong());
    fields.addProperty("submitter_id", s.getAsJsonObject("author").get("id").getAsLong());
    fields.add("recipient", s.get("recipient"));
    fields.add("brand_id", s.get("brand_id"));
    fields.add("via", s.get("via"));
    JsonObject t = tickets.create(origin, fields);
    synchronized (t) {
      return t.deepCopy();
    }
  }

  private static long[] ids(MockRequest req) {
    String ids = req.query("ids");
    if (ids == null || ids.isBlank()) {
      return new long[0];
    }
    return java.util.Arrays.stream(ids.split(",")).mapToLong(x -> Long.parseLong(x.trim())).toArray();
  }
}
