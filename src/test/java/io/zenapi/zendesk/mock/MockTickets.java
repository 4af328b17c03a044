package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's tickets: generated records with cursor and offset pagination, both incremental exports, reads,
 * updates honouring {@code safe_update} (409 when {@code updated_stamp} is older than {@code updated_at}),
 * conflict-safe tag changes and the bulk endpoints, which return jobs. Thread-safe.
 */
public final class MockTickets {
  /** Records per incremental export page, as Zendesk's default. */
  static final int EXPORT_PAGE = 1000;

  private final ConcurrentSkipListMap<Long, JsonObject> tickets = new ConcurrentSkipListMap<>();
  private final Map<Long, List<JsonObject>> comments = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();
  /** The ticket each {@code Idempotency-Key} created: Zendesk answers a repeated key with that ticket. */
  private final Map<String, Long> createdByKey = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final MockJobs jobs;

  private final MockUploads uploads;
  private final MockWebhooks webhooks;

  MockTickets(MockJobs jobs, MockUploads uploads, MockWebhooks webhooks) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.webhooks = webhooks;
  }

  /** Replaces every ticket with {@code count} generated ones. */
  void seed(TicketFactory factory, int count) {
    tickets.clear();
    comments.clear();
    createdByKey.clear();
    for (int n = 0; n < count; n++) {
      JsonObject t = factory.ticket(n);
      tickets.put(t.get("id").getAsLong(), t);
    }
    nextId.set(TicketFactory.FIRST_ID + count);
    clock.set(TicketFactory.EPOCH.plusSeconds(60L * count + 3600).getEpochSecond());
  }

  /** How many tickets there are. */
  public int count() {
    return tickets.size();
  }

  /** The tickets for which {@code test} holds, in id order (the stored objects: read them, never change them). */
  java.util.NavigableMap<Long, JsonObject> matching(java.util.function.Predicate<JsonObject> test) {
    java.util.TreeMap<Long, JsonObject> out = new java.util.TreeMap<>();
    tickets.forEach((id, t) -> {
      synchronized (t) {
        if (test.test(t)) {
          out.put(id, t.deepCopy());
        }
      }
    });
    return out;
  }

  /** The ids, in order. */
  public List<Long> ids() {
    return new ArrayList<>(tickets.keySet());
  }

  /**
   * The comments added to a ticket through its creation and updates since start or the last reset, in order, each
   * with the {@code attachments} of the uploads it named: what a test counts to see that a write was applied once.
   */
  public List<JsonObject> comments(long id) {
    List<JsonObject> added = comments.get(id);
    if (added == null) {
      return List.of();
    }
    synchronized (added) {
      return added.stream().map(JsonObject::deepCopy).toList();
    }
  }

  /** A copy of one ticket, or null. */
  public JsonObject get(long id) {
    JsonObject t = tickets.get(id);
    return t == null ? null : t.deepCopy();
  }

  /**
   * Changes a ticket as another writer would (an agent in the UI): sets the fields and moves {@code updated_at}
   * on, so a safe update based on an earlier read gets 409.
   */
  public JsonObject update(long id, JsonObject fields) {
    JsonObject t = tickets.get(id);
    if (t == null) {
      throw new IllegalArgumentException("no ticket " + id);
    }
    synchronized (t) {
      apply(t, fields);
      return t.deepCopy();
    }
  }

  /** Applies a change to a stored ticket and tells the webhooks what changed. */
  private void apply(JsonObject t, JsonObject fields) {
    JsonObject before = webhooks.listening() ? t.deepCopy() : null;
    JsonObject comment = applyFields(t, fields);
    if (before != null) {
      webhooks.ticketChanged(before, t.deepCopy(), comment);
    }
  }

  /** Applies fields to a ticket; returns the comment it added, or null. */
  private JsonObject applyFields(JsonObject t, JsonObject fields) {
    JsonObject added = null;
    if (fields.get("comment") instanceof JsonObject comment) {
      JsonObject stored = comment.deepCopy();
      stored.add("attachments", uploads.attachments(comment.get("uploads")));
      List<JsonObject> list = comments.computeIfAbsent(t.get("id").getAsLong(), k -> new ArrayList<>());
      synchronized (list) {
        stored.addProperty("id", t.get("id").getAsLong() * 100 + list.size() + 1);
        list.add(stored);
      }
      added = stored;
    }
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      switch (e.getKey()) {
        case "id", "url", "created_at", "updated_at", "safe_update", "updated_stamp", "comment" -> { }
        default -> t.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    Instant now = Instant.ofEpochSecond(clock.incrementAndGet());
    t.addProperty("updated_at", now.toString());
    t.addProperty("generated_timestamp", now.getEpochSecond());
    return added;
  }

  void register(Router router) {
    router.on("GET", "/api/v2/tickets", req -> Pages.list(req, "tickets", tickets));
    router.on("POST", "/api/v2/tickets", this::createOne);
    router.on("GET", "/api/v2/tickets/(\\d+)/comments", req -> {
      if (!tickets.containsKey(req.pathId(1))) {
        return Reply.error(404, "RecordNotFound", "Not found");
      }
      java.util.TreeMap<Long, JsonObject> byId = new java.util.TreeMap<>();
      comments(req.pathId(1)).forEach(c -> byId.put(c.get("id").getAsLong(), c));
      return Pages.list(req, "comments", byId);
    });
    router.on("GET", "/api/v2/tickets/count", req -> {
      JsonObject count = new JsonObject();
      JsonObject value = new JsonObject();
      value.addProperty("value", tickets.size());
      value.addProperty("refreshed_at", Instant.ofEpochSecond(clock.get()).toString());
      count.add("count", value);
      return Reply.json(200, count);
    });
    router.on("GET", "/api/v2/tickets/(\\d+)", req -> {
      JsonObject t = tickets.get(req.pathId(1));
      return t == null ? Reply.error(404, "RecordNotFound", "Not found") : Reply.json(200, wrap("ticket", t));
    });
    router.on("PUT", "/api/v2/tickets/(\\d+)", req -> updateOne(req.pathId(1), req.body().getAsJsonObject("ticket")));
    router.on("POST", "/api/v2/tickets/(\\d+)/tags", req -> tags(req, false));
    router.on("PUT", "/api/v2/tickets/(\\d+)/tags", req -> tags(req, true));
    router.on("GET", "/api/v2/tickets/(\\d+)/tags", req -> {
      JsonObject t = tickets.get(req.pathId(1));
      return t == null ? Reply.error(404, "RecordNotFound", "Not found") : Reply.json(200, wrap("tags", t.get("tags")));
    });
    router.on("PUT", "/api/v2/tickets/update_many", req -> {
      JsonObject body = req.body();
      String ids = req.query("ids");
      List<Long> targets = new ArrayList<>();
      List<JsonObject> changes = new ArrayList<>();
      if (ids != null) {
        JsonObject change = body.has("ticket") ? body.getAsJsonObject("ticket") : new JsonObject();
        for (String id : ids.split(",")) {
          targets.add(Long.parseLong(id.trim()));
          changes.add(change);
        }
      } else if (body.has("tickets")) {
        for (JsonElement e : body.getAsJsonArray("tickets")) {
          targets.add(e.getAsJsonObject().get("id").getAsLong());
          changes.add(e.getAsJsonObject());
        }
      }
      if (targets.isEmpty() || targets.size() > 100) {
        return Reply.error(400, "InvalidValue", "update_many takes 1 to 100 tickets, got " + targets.size());
      }
      return Reply.json(200, jobs.start(req.origin(), targets.size(), () -> bulk(targets, changes, "update")));
    });
    router.on("POST", "/api/v2/tickets/create_many", req -> {
      JsonArray list = req.body().has("tickets") ? req.body().getAsJsonArray("tickets") : new JsonArray();
      if (list.isEmpty() || list.size() > 100) {
        return Reply.error(400, "InvalidValue", "create_many takes 1 to 100 tickets, got " + list.size());
      }
      return Reply.json(200, jobs.start(req.origin(), list.size(), () -> {
        JsonArray results = new JsonArray();
        for (int i = 0; i < list.size(); i++) {
          JsonObject created = create(req.origin(), list.get(i).getAsJsonObject());
          results.add(result(i, created.get("id").getAsLong(), "create", "Created"));
        }
        return results;
      }));
    });
    router.on("DELETE", "/api/v2/tickets/destroy_many", req -> {
      List<Long> targets = new ArrayList<>();
      String ids = req.query("ids");
      if (ids != null) {
        for (String id : ids.split(",")) {
          targets.add(Long.parseLong(id.trim()));
        }
      }
      return Reply.json(200, jobs.start(req.origin(), targets.size(), () -> {
        JsonArray results = new JsonArray();
        for (int i = 0; i < targets.size(); i++) {
          boolean gone = tickets.remove(targets.get(i)) != null;
          results.add(result(i, targets.get(i), "delete", gone ? "Deleted" : "NotFound"));
        }
        return results;
      }));
    });
    router.on("POST", "/api/v2/tickets/(\\d+)/merge", req -> {
      long target = req.pathId(1);
      List<Long> sources = new ArrayList<>();
      if (req.body().has("ids")) {
        req.body().getAsJsonArray("ids").forEach(e -> sources.add(e.getAsLong()));
      }
      return Reply.json(200, jobs.start(req.origin(), sources.size(), () -> {
        JsonArray results = new JsonArray();
        for (int i = 0; i < sources.size(); i++) {
          JsonObject closed = new JsonObject();
          closed.addProperty("status", "closed");
          if (tickets.containsKey(sources.get(i))) {
            update(sources.get(i), closed);
          }
          results.add(result(i, sources.get(i), "merge", "Merged into " + target));
        }
        return results;
      }));
    });
    router.on("GET", "/api/v2/incremental/tickets", req -> Reply.json(200, timeExport(req)));
    router.on("GET", "/api/v2/incremental/tickets/cursor", req -> Reply.json(200, cursorExport(req)));
  }

  private com.github.tomakehurst.wiremock.http.ResponseDefinition updateOne(long id, JsonObject change) {
    JsonObject t = tickets.get(id);
    if (t == null) {
      return Reply.error(404, "RecordNotFound", "Not found");
    }
    if (change == null) {
      return Reply.error(400, "InvalidValue", "the body needs a 'ticket' object");
    }
    synchronized (t) {
      if (isStale(t, change)) {
        return Reply.error(409, "UpdateConflict", "Safe Update prevented the update due to outdated ticket data."
            + " Please fetch the latest ticket data and try again.");
      }
      apply(t, change);
      JsonObject body = wrap("ticket", t);
      JsonObject audit = new JsonObject();
      audit.addProperty("ticket_id", id);
      audit.addProperty("created_at", t.get("updated_at").getAsString());
      body.add("audit", audit);
      return Reply.json(200, body);
    }
  }

  private com.github.tomakehurst.wiremock.http.ResponseDefinition tags(MockRequest req, boolean add) {
    JsonObject t = tickets.get(req.pathId(1));
    if (t == null) {
      return Reply.error(404, "RecordNotFound", "Not found");
    }
    JsonObject body = req.body();
    synchronized (t) {
      if (isStale(t, body)) {
        return Reply.error(409, "UpdateConflict", "Safe Update prevented the update due to outdated ticket data.");
      }
      JsonArray tags = add ? t.getAsJsonArray("tags").deepCopy() : new JsonArray();
      if (body.has("tags")) {
        for (JsonElement tag : body.getAsJsonArray("tags")) {
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
      }
      JsonObject change = new JsonObject();
      change.add("tags", tags);
      apply(t, change);
      return Reply.json(add ? 200 : 201, wrap("tags", tags));
    }
  }

  /** A safe update whose stamp is older than the ticket's updated_at. */
  private static boolean isStale(JsonObject ticket, JsonObject change) {
    if (!change.has("safe_update") || !change.get("safe_update").getAsBoolean()) {
      return false;
    }
    if (!change.has("updated_stamp") || change.get("updated_stamp").isJsonNull()) {
      return true;
    }
    Instant stamp = Instant.parse(change.get("updated_stamp").getAsString());
    return stamp.isBefore(Instant.parse(ticket.get("updated_at").getAsString()));
  }

  private JsonArray bulk(List<Long> ids, List<JsonObject> changes, String action) {
    JsonArray results = new JsonArray();
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      boolean found = tickets.containsKey(id);
      if (found) {
        update(id, changes.get(i));
      }
      JsonObject r = result(i, id, action, found ? "Updated" : "Failed");
      if (!found) {
        r.addProperty("error", "TicketNotFound");
      }
      results.add(r);
    }
    return results;
  }

  /**
   * Create Ticket: 201 with the stored ticket, readable afterwards. A repeated {@code Idempotency-Key} gets the
   * ticket it created, not a second one, with {@code x-idempotency-lookup: hit} (Zendesk's behaviour).
   */
  private com.github.tomakehurst.wiremock.http.ResponseDefinition createOne(MockRequest req) {
    JsonObject body = req.body();
    if (!body.has("ticket") || !body.get("ticket").isJsonObject()) {
      return Reply.error(400, "InvalidValue", "the body must be {\"ticket\": {...}}");
    }
    JsonObject fields = body.getAsJsonObject("ticket");
    if (!fields.has("comment") && !fields.has("description")) {
      return Reply.error(422, "RecordInvalid", "Description: cannot be blank");
    }
    String key = req.header("Idempotency-Key");
    Long earlier = key == null ? null : createdByKey.get(key);
    if (earlier != null && tickets.containsKey(earlier)) {
      return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(
          Reply.json(201, wrap("ticket", tickets.get(earlier)))).withHeader("x-idempotency-lookup", "hit").build();
    }
    JsonObject created;
    synchronized (createdByKey) {
      earlier = key == null ? null : createdByKey.get(key);
      created = earlier != null ? tickets.get(earlier) : create(req.origin(), fields);
      if (key != null) {
        createdByKey.put(key, created.get("id").getAsLong());
      }
    }
    return Reply.json(201, wrap("ticket", created));
  }

  /** A new ticket with the next id, status {@code new} and the given fields; returns the stored ticket. */
  JsonObject create(String origin, JsonObject fields) {
    long id = nextId.getAndIncrement();
    JsonObject t = new JsonObject();
    t.addProperty("url", origin + "/api/v2/tickets/" + id + ".json");
    t.addProperty("id", id);
    t.addProperty("status", "new");
    t.addProperty("created_at", Instant.ofEpochSecond(clock.get()).toString());
    t.add("tags", new JsonArray());
    applyFields(t, fields);
    if (!t.has("description") && fields.get("comment") instanceof JsonObject comment && comment.has("body")) {
      t.add("description", comment.get("body")); // Zendesk's description is the first comment
    }
    tickets.put(id, t);
    if (webhooks.listening()) {
      webhooks.ticketCreated(t.deepCopy());
    }
    return t;
  }

  private static JsonObject result(int index, long id, String action, String status) {
    JsonObject r = new JsonObject();
    r.addProperty("index", index);
    r.addProperty("id", id);
    r.addProperty("action", action);
    r.addProperty("status", status);
    r.addProperty("success", !status.equals("Failed") && !status.equals("NotFound"));
    return r;
  }

  /** Time-based export: tickets updated at or after start_time, 1,000 a page, by updated_at then id. */
  private JsonObject timeExport(MockRequest req) {
    long start = Long.parseLong(req.query("start_time") == null ? "0" : req.query("start_time"));
    List<JsonObject> changed = sortedByUpdate(start, Long.MIN_VALUE);
    List<JsonObject> page = changed.subList(0, Math.min(EXPORT_PAGE, changed.size()));
    long endTime = page.isEmpty() ? start : epoch(page.get(page.size() - 1));
    boolean end = changed.size() <= EXPORT_PAGE;
    JsonObject body = new JsonObject();
    body.add("tickets", toArray(page));
    body.addProperty("count", page.size());
    body.addProperty("end_time", endTime);
    body.addProperty("end_of_stream", end);
    body.addProperty("next_page", req.origin() + "/api/v2/incremental/tickets.json?start_time=" + (end ? endTime
        : endTime + 1));
    return body;
  }

  /** Cursor-based export: the cursor is the (updated_at, id) of the last ticket sent. */
  private JsonObject cursorExport(MockRequest req) {
    long afterTime;
    long afterId;
    String cursor = req.query("cursor");
    if (cursor != null) {
      String[] parts = new String(java.util.Base64.getUrlDecoder().decode(cursor)).split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("not an export cursor of this server: " + cursor);
      }
      afterTime = Long.parseLong(parts[0]);
      afterId = Long.parseLong(parts[1]);
    } else {
      afterTime = Long.parseLong(req.query("start_time") == null ? "0" : req.query("start_time"));
      afterId = Long.MIN_VALUE;
    }
    List<JsonObject> changed = sortedByUpdate(afterTime, afterId);
    List<JsonObject> page = changed.subList(0, Math.min(EXPORT_PAGE, changed.size()));
    String next = page.isEmpty() ? cursor : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        (epoch(page.get(page.size() - 1)) + ":" + page.get(page.size() - 1).get("id").getAsLong()).getBytes());
    JsonObject body = new JsonObject();
    body.add("tickets", toArray(page));
    body.addProperty("after_cursor", next);
    body.addProperty("after_url", next == null ? null
        : req.origin() + "/api/v2/incremental/tickets/cursor.json?cursor=" + next);
    body.add("before_cursor", null);
    body.add("before_url", null);
    body.addProperty("end_of_stream", changed.size() <= EXPORT_PAGE);
    return body;
  }

  private List<JsonObject> sortedByUpdate(long afterTime, long afterId) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject t : tickets.values()) {
      long e = epoch(t);
      long id = t.get("id").getAsLong();
      if (afterId == Long.MIN_VALUE ? e >= afterTime : (e > afterTime || e == afterTime && id > afterId)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingLong(MockTickets::epoch).thenComparingLong(t -> t.get("id").getAsLong()));
    return out;
  }

  private static long epoch(JsonObject t) {
    return Instant.parse(t.get("updated_at").getAsString()).getEpochSecond();
  }

  private static JsonArray toArray(List<JsonObject> list) {
    JsonArray a = new JsonArray();
    list.forEach(a::add);
    return a;
  }

  static JsonObject wrap(String key, JsonElement value) {
    JsonObject o = new JsonObject();
    o.add(key, value);
    return o;
  }
}
