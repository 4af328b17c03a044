package io.zenapi.zendesk.mock;

import static io.zenapi.zendesk.mock.SpecExamples.textOrEmpty;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's users: created by {@code POST /api/v2/users} (201, a new id; an email already in use is a 422, as on
 * Zendesk), shown by {@code GET /api/v2/users/{id}} (404 when unknown), and found by {@code GET /api/v2/users/search}
 * with {@code query} ({@code email:...} exactly, or words in the name or email) or {@code external_id}, in offset
 * pages. Starts with the agent the client signs in as ({@link MockSkips#CURRENT_USER_ID}). Thread-safe.
 */
public final class MockUsers {
  private final ConcurrentSkipListMap<Long, JsonObject> users = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong();
  private final MockWebhooks webhooks;

  MockUsers(MockWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** Back to the one agent. */
  void seed(String origin) {
    users.clear();
    nextId.set(MockSkips.CURRENT_USER_ID + 1);
    JsonObject agent = new JsonObject();
    agent.addProperty("name", "Mock Agent");
    agent.addProperty("email", "agent@example.com");
    agent.addProperty("role", "agent");
    store(origin, MockSkips.CURRENT_USER_ID, agent);
  }

  /** How many users there are. */
  public int count() {
    return users.size();
  }

  /** A copy of the user with this id, or null. */
  public JsonObject get(long id) {
    JsonObject u = users.get(id);
    return u == null ? null : u.deepCopy();
  }

  void register(Router router) {
    router.on("POST", "/api/v2/users", req -> {
      JsonObject body = req.body();
      if (!body.has("user") || !body.get("user").isJsonObject()) {
        return Reply.error(400, "InvalidValue", "the body must be {\"user\": {...}}");
      }
      JsonObject fields = body.getAsJsonObject("user");
      if (textOrEmpty(fields, "name").isBlank()) {
        return Reply.error(422, "RecordInvalid", "Name: cannot be blank");
      }
      synchronized (users) {
        String email = textOrEmpty(fields, "email").toLowerCase(Locale.ROOT);
        if (!email.isEmpty() && users.values().stream().anyMatch(u -> email.equals(textOrEmpty(u, "email")))) {
          return Reply.error(422, "RecordInvalid", "Email: " + email + " is already being used by another user");
        }
        JsonObject created = store(req.origin(), nextId.getAndIncrement(), fields);
        webhooks.userCreated(created.deepCopy());
        return Reply.json(201, MockTickets.wrap("user", created));
      }
    });
    router.on("GET", "/api/v2/users/(\\d+)", req -> {
      JsonObject u = users.get(req.pathId(1));
      return u == null ? Reply.error(404, "RecordNotFound", "Not found") : Reply.json(200, MockTickets.wrap("user", u));
    });
    router.on("GET", "/api/v2/users/search", req -> Reply.json(200, Pages.offset(req, "users", search(req))));
  }

  private JsonObject store(String origin, long id, JsonObject fields) {
    JsonObject u = fields.deepCopy();
    u.addProperty("id", id);
    u.addProperty("url", origin + "/api/v2/users/" + id + ".json");
    if (u.has("email")) {
      u.addProperty("email", textOrEmpty(u, "email").toLowerCase(Locale.ROOT));
    }
    if (!u.has("role")) {
      u.addProperty("role", "end-user");
    }
    u.addProperty("active", true);
    u.addProperty("created_at", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id % 1_000_000).toString());
    users.put(id, u);
    return u;
  }

  private NavigableMap<Long, JsonObject> search(MockRequest req) {
    String query = req.query("query");
    String externalId = req.query("external_id");
    NavigableMap<Long, JsonObject> found = new TreeMap<>();
    users.forEach((id, u) -> {
      boolean match;
      if (externalId != null) {
        match = externalId.equals(textOrEmpty(u, "external_id"));
      } else if (query == null || query.isBlank()) {
        match = false;
      } else if (query.toLowerCase(Locale.ROOT).startsWith("email:")) {
        match = query.substring("email:".length()).trim().toLowerCase(Locale.ROOT).equals(textOrEmpty(u, "email"));
      } else {
        String words = query.toLowerCase(Locale.ROOT);
        match = textOrEmpty(u, "name").toLowerCase(Locale.ROOT).contains(words)
            || textOrEmpty(u, "email").contains(words);
      }
      if (match) {
        found.put(id, u.deepCopy());
      }
    });
    return found;
  }
}
