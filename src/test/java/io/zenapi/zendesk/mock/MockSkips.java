package io.zenapi.zendesk.mock;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The mock's ticket skips: seeded for the current agent, recordable, listed by user, by ticket and in all. */
public final class MockSkips {
  /** The agent the mock's credentials belong to. */
  public static final long CURRENT_USER_ID = 370_000_000_001L;

  private final ConcurrentSkipListMap<Long, JsonObject> skips = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final MockTickets tickets;

  MockSkips(MockTickets tickets) {
    this.tickets = tickets;
  }

  /** Replaces every skip with {@code count} skips by the current agent over the first tickets. */
  void seed(int count) {
    skips.clear();
    nextId.set(1);
    var ids = tickets.ids();
    for (int i = 0; i < count && !ids.isEmpty(); i++) {
      record(CURRENT_USER_ID, ids.get(i % ids.size()), i % 2 == 0 ? "I have no idea." : "Needs a specialist.",
          Instant.parse("2025-06-01T09:00:00Z").plusSeconds(600L * i));
    }
  }

  /** How many skips there are. */
  public int count() {
    return skips.size();
  }

  private JsonObject record(long userId, long ticketId, String reason, Instant at) {
    long id = nextId.getAndIncrement();
    JsonObject s = new JsonObject();
    s.addProperty("id", id);
    s.addProperty("ticket_id", ticketId);
    s.addProperty("user_id", userId);
    s.addProperty("reason", reason);
    s.addProperty("created_at", at.toString());
    s.addProperty("updated_at", at.toString());
    JsonObject ticket = tickets.get(ticketId);
    if (ticket != null) {
      s.add("ticket", ticket);
    }
    skips.put(id, s);
    return s;
  }

  void register(Router router) {
    router.on("GET", "/api/v2/skips", req -> Pages.list(req, "skips", skips));
    router.on("GET", "/api/v2/users/(\\d+)/skips", req -> {
      long user = req.pathId(1);
      ConcurrentSkipListMap<Long, JsonObject> mine = new ConcurrentSkipListMap<>();
      skips.forEach((id, s) -> {
        if (s.get("user_id").getAsLong() == user) {
          mine.put(id, s);
        }
      });
      return Pages.list(req, "skips", mine);
    });
    router.on("GET", "/api/v2/tickets/(\\d+)/skips", req -> {
      long ticket = req.pathId(1);
      ConcurrentSkipListMap<Long, JsonObject> about = new ConcurrentSkipListMap<>();
      skips.forEach((id, s) -> {
        if (s.get("ticket_id").getAsLong() == ticket) {
          about.put(id, s);
        }
      });
      return Pages.list(req, "skips", about);
    });
    router.on("POST", "/api/v2/skips", req -> {
      JsonObject skip = req.body().getAsJsonObject("skip");
      if (skip == null || !skip.has("ticket_id")) {
        return Reply.error(400, "InvalidValue", "the body needs {\"skip\": {\"ticket_id\": ..., \"reason\": ...}}");
      }
      long ticketId = skip.get("ticket_id").getAsLong();
      if (tickets.get(ticketId) == null) {
        return Reply.error(404, "RecordNotFound", "no ticket " + ticketId);
      }
      String reason = skip.has("reason") ? skip.get("reason").getAsString() : null;
      return Reply.json(201, MockTickets.wrap("skip", record(CURRENT_USER_ID, ticketId, reason, Instant.now())));
    });
  }
}
