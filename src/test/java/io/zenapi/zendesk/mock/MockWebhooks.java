package io.zenapi.zendesk.mock;

import static io.zenapi.zendesk.mock.SpecExamples.textOrEmpty;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.zenapi.zendesk.webhooks.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's webhooks: created, listed, shown, updated, patched and deleted through the Webhooks API, each with a
 * signing secret (shown and reset through the API), and <b>delivered</b>: when a mock ticket or user changes, every
 * active webhook subscribed to the event gets a POST signed as Zendesk signs it ({@code X-Zendesk-Webhook-Signature}
 * and {@code -Timestamp}, see {@link WebhookVerifier}), and the attempt is listed as an invocation. Endpoints must be
 * on loopback (127.0.0.1, localhost, [::1]); any other is refused with 422, so a test never sends data elsewhere.
 *
 * <p>Events the mock sends, each in Zendesk's event envelope: {@code zen:event-type:user.created};
 * {@code zen:event-type:ticket.created}; {@code zen:event-type:ticket.status_changed}, {@code .priority_changed} and
 * {@code .subject_changed} (with {@code event.current} and {@code event.previous}); {@code
 * zen:event-type:ticket.comment_added}. Deliveries go out one at a time, in order, off the request's thread; a test
 * waits for them with {@link #awaitDeliveries(Duration)}. One attempt each: the mock does not retry. Thread-safe.
 */
public final class MockWebhooks {
  private static final String EVENT_TYPE = "zen:event-type:";
  private final ConcurrentSkipListMap<String, JsonObject> webhooks = new ConcurrentSkipListMap<>();
  private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<JsonObject>> invocations = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final SecureRandom random = new SecureRandom();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mock-zendesk-webhooks");
    t.setDaemon(true);
    return t;
  });
  private final List<Future<?>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();

  MockWebhooks() {}

  void reset() {
    awaitDeliveries(Duration.ofSeconds(10));
    webhooks.clear();
    secrets.clear();
    invocations.clear();
  }

  void close() {
    sender.shutdownNow();
  }

  /** How many webhooks there are. */
  public int count() {
    return webhooks.size();
  }

  /**
   * Waits until every delivery the mock has started is done (answered, refused or timed out).
   *
   * @param timeout how long to wait at most
   * @return whether all were done in time
   */
  public boolean awaitDeliveries(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    for (Future<?> f : pending) {
      try {
        f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        // a failed delivery is recorded as a failed invocation
      }
      pending.remove(f);
    }
    return true;
  }

  void register(Router router) {
    router.on("GET", "/api/v2/webhooks", req -> Reply.json(200, Pages.cursor(req, "webhooks", byOrder())));
    router.on("POST", "/api/v2/webhooks", req -> {
      JsonObject fields = req.body().has("webhook") && req.body().get("webhook").isJsonObject()
          ? req.body().getAsJsonObject("webhook") : null;
      String clone = req.query("clone_webhook_id");
      if (clone != null) {
        JsonObject source = webhooks.get(clone);
        if (source == null) {
          return Reply.error(404, "RecordNotFound", "no webhook " + clone + " to clone");
        }
        JsonObject copy = source.deepCopy();
        if (fields != null) {
          fields.entrySet().forEach(e -> copy.add(e.getKey(), e.getValue()));
        }
        fields = copy;
      }
      if (fields == null) {
        return Reply.error(400, "InvalidValue", "the body must be {\"webhook\": {...}}");
      }
      String problem = problem(fields);
      if (problem != null) {
        return Reply.error(422, "RecordInvalid", problem);
      }
      String id = newId();
      JsonObject webhook = fields.deepCopy();
      webhook.remove("signing_secret");
      webhook.addProperty("id", id);
      webhook.addProperty("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      webhook.addProperty("created_by", Long.toString(MockSkips.CURRENT_USER_ID));
      if (!webhook.has("status")) {
        webhook.addProperty("status", "active");
      }
      webhooks.put(id, webhook);
      secrets.put(id, newSecret());
      invocations.put(id, new java.util.concurrent.CopyOnWriteArrayList<>());
      return Reply.json(201, MockTickets.wrap("webhook", webhook));
    });
    router.on("GET", "/api/v2/webhooks/([^/]+)", req -> withWebhook(req.pathText(1),
        w -> Reply.json(200, MockTickets.wrap("webhook", w))));
    router.on("PUT", "/api/v2/webhooks/([^/]+)", req -> change(req, true));
    router.on("PATCH", "/api/v2/webhooks/([^/]+)", req -> change(req, false));
    router.on("DELETE", "/api/v2/webhooks/([^/]+)", req -> withWebhook(req.pathText(1), w -> {
      webhooks.remove(req.pathText(1));
      return Reply.noContent();
    }));
    router.on("GET", "/api/v2/webhooks/([^/]+)/signing_secret", req -> withWebhook(req.pathText(1),
        w -> Reply.json(200, secret(req.pathText(1)))));
    router.on("POST", "/api/v2/webhooks/([^/]+)/signing_secret", req -> withWebhook(req.pathText(1), w -> {
      secrets.put(req.pathText(1), newSecret());
      return Reply.json(201, secret(req.pathText(1)));
    }));
    router.on("GET", "/api/v2/webhooks/([^/]+)/invocations", req -> withWebhook(req.pathText(1), w -> {
      java.util.TreeMap<Long, JsonObject> byId = new java.util.TreeMap<>();
      for (JsonObject i : invocations.get(req.pathText(1))) {
        JsonObject view = i.deepCopy();
        view.remove("attempts");
        view.remove("sequence");
        byId.put(i.get("sequence").getAsLong(), view);
      }
      return Reply.json(200, Pages.cursor(req, "invocations", byId));
    }));
    router.on("GET", "/api/v2/webhooks/([^/]+)/invocations/([^/]+)/attempts", req -> withWebhook(req.pathText(1),
        w -> invocations.get(req.pathText(1)).stream().filter(i -> i.get("id").getAsString().equals(
            req.pathText(2))).findFirst().map(i -> Reply.json(200, MockTickets.wrap("attempts", i.get("attempts"))))
            .orElse(Reply.error(404, "RecordNotFound", "no invocation " + req.pathText(2)))));
  }

  private java.util.TreeMap<Long, JsonObject> byOrder() {
    java.util.TreeMap<Long, JsonObject> out = new java.util.TreeMap<>();
    long n = 0;
    for (JsonObject w : webhooks.values()) {
      out.put(++n, w.deepCopy());
    }
    return out;
  }

  private com.github.tomakehurst.wiremock.http.ResponseDefinition withWebhook(String id,
      java.util.function.Function<JsonObject, com.github.tomakehurst.wiremock.http.ResponseDefinition> then) {
    JsonObject w = webhooks.get(id);
    return w == null ? Reply.error(404, "RecordNotFound", "no webhook " + id) : then.apply(w);
  }

  private com.github.tomakehurst.wiremock.http.ResponseDefinition change(MockRequest req, boolean whole) {
    return withWebhook(req.pathText(1), w -> {
      JsonObject fields = req.body().has("webhook") && req.body().get("webhook").isJsonObject()
          ? req.body().getAsJsonObject("webhook") : null;
      if (fields == null) {
        return Reply.error(400, "InvalidValue", "the body must be {\"webhook\": {...}}");
      }
      JsonObject next = whole ? fields.deepCopy() : w.deepCopy();
      if (!whole) {
        fields.entrySet().forEach(e -> {
          if (e.getValue().isJsonNull()) {
            next.remove(e.getKey()); // merge-patch: null removes
          } else {
            next.add(e.getKey(), e.getValue());
          }
        });
      }
      String problem = problem(next);
      if (problem != null) {
        return Reply.error(422, "RecordInvalid", problem);
      }
      for (String kept : List.of("id", "created_at", "created_by")) {
        next.add(kept, w.get(kept));
      }
      next.remove("signing_secret");
      next.addProperty("updated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      webhooks.put(req.pathText(1), next);
      return Reply.noContent();
    });
  }

  /** What makes a webhook unusable here: no name, no endpoint, or an endpoint off loopback. */
  private static String problem(JsonObject w) {
    if (!w.has("name") || w.get("name").getAsString().isBlank()) {
      return "Name: cannot be blank";
    }
    if (!w.has("endpoint")) {
      return "Endpoint: cannot be blank";
    }
    URI uri;
    try {
      uri = URI.create(w.get("endpoint").getAsString());
    } catch (IllegalArgumentException e) {
      return "Endpoint: is not a URL";
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || !List.of("127.0.0.1", "localhost", "[::1]", "::1").contains(host)) {
      return "Endpoint: the mock delivers only to loopback (127.0.0.1, localhost or [::1]), not " + uri.getHost();
    }
    return null;
  }

  private JsonObject secret(String id) {
    JsonObject s = new JsonObject();
    s.addProperty("algorithm", "SHA256");
    s.addProperty("secret", secrets.get(id));
    return MockTickets.wrap("signing_secret", s);
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private String newId() {
    return String.format(Locale.ROOT, "01MOCK%020d", sequence.incrementAndGet());
  }

  /** A ticket was created: {@code ticket.created}. */
  void ticketCreated(JsonObject ticket) {
    publish("ticket.created", "zen:ticket:" + ticket.get("id").getAsString(), ticketDetail(ticket), new JsonObject());
  }

  /** A ticket changed: one event for each of status, priority and subject that changed, and one for a comment. */
  void ticketChanged(JsonObject before, JsonObject after, JsonObject comment) {
    String subject = "zen:ticket:" + after.get("id").getAsString();
    for (String field : List.of("status", "priority", "subject")) {
      JsonElement was = before.get(field);
      JsonElement now = after.get(field);
      if (!java.util.Objects.equals(was, now)) {
        JsonObject event = new JsonObject();
        event.add("current", now == null ? com.google.gson.JsonNull.INSTANCE : now);
        event.add("previous", was == null ? com.google.gson.JsonNull.INSTANCE : was);
        publish("ticket." + field + "_changed", subject, ticketDetail(after), event);
      }
    }
    if (comment != null) {
      JsonObject event = new JsonObject();
      event.add("comment", comment.deepCopy());
      publish("ticket.comment_added", subject, ticketDetail(after), event);
    }
  }

  /** A user was created: {@code user.created}. */
  void userCreated(JsonObject user) {
    JsonObject detail = new JsonObject();
    for (String f : List.of("created_at", "email", "external_id", "role", "updated_at")) {
      if (user.has(f)) {
        detail.add(f, user.get(f));
      }
    }
    detail.addProperty("id", user.get("id").getAsString());
    publish("user.created", "zen:user:" + user.get("id").getAsString(), detail, new JsonObject());
  }

  /** Whether any active webhook would receive something: the stores skip building events otherwise. */
  boolean listening() {
    return webhooks.values().stream().anyMatch(w -> "active".equals(textOrEmpty(w, "status")));
  }

  private static JsonObject ticketDetail(JsonObject t) {
    JsonObject d = new JsonObject();
    for (String f : List.of("subject", "description", "status", "priority", "type", "is_public", "tags",
        "created_at", "updated_at")) {
      if (t.has(f)) {
        d.add(f, t.get(f).deepCopy());
      }
    }
    for (String f : List.of("id", "external_id", "requester_id", "submitter_id", "assignee_id", "group_id",
        "organization_id", "brand_id")) {
      if (t.has(f) && !t.get(f).isJsonNull()) {
        d.addProperty(f, t.get(f).getAsString()); // ids as strings, as in Zendesk's event payloads
      }
    }
    if (t.has("ticket_form_id") && !t.get("ticket_form_id").isJsonNull()) {
      d.addProperty("form_id", t.get("ticket_form_id").getAsString());
    }
    d.addProperty("actor_id", Long.toString(MockSkips.CURRENT_USER_ID)); // the mock's one agent did it
    return d;
  }

  private void publish(String shortType, String subject, JsonObject detail, JsonObject event) {
    String type = EVENT_TYPE + shortType;
    for (Map.Entry<String, JsonObject> e : webhooks.entrySet()) {
      JsonObject w = e.getValue();
      if (!"active".equals(textOrEmpty(w, "status")) || !subscribes(w, type)) {
        continue;
      }
      JsonObject payload = new JsonObject();
      payload.addProperty("type", type);
      payload.addProperty("account_id", 12514403L);
      payload.addProperty("id", UUID.randomUUID().toString());
      payload.addProperty("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      payload.addProperty("zendesk_event_version", "2022-06-20");
      payload.addProperty("subject", subject);
      payload.add("detail", detail.deepCopy());
      JsonObject withMeta = event.deepCopy();
      JsonObject sequence = new JsonObject();
      sequence.addProperty("id", UUID.randomUUID().toString());
      sequence.addProperty("position", 1);
      JsonObject meta = new JsonObject();
      meta.add("sequence", sequence);
      withMeta.add("meta", meta);
      payload.add("event", withMeta);
      String id = e.getKey();
      pending.add(sender.submit(() -> deliver(id, w, payload)));
    }
  }

  private static boolean subscribes(JsonObject w, String type) {
    JsonElement subs = w.get("subscriptions");
    return subs != null && subs.isJsonArray() && subs.getAsJsonArray().asList().stream()
        .anyMatch(s -> s.isJsonPrimitive() && s.getAsString().equals(type));
  }

  private void deliver(String webhookId, JsonObject webhook, JsonObject payload) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String invocationId = newId();
    int status = 0;
    String outcome;
    try {
      HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(textOrEmpty(webhook, "endpoint")))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "Zendesk Webhook (mock)")
          .header(WebhookVerifier.SIGNATURE_HEADER, WebhookVerifier.sign(secrets.get(webhookId), timestamp, body))
          .header(WebhookVerifier.TIMESTAMP_HEADER, timestamp)
          .header("X-Zendesk-Webhook-Id", webhookId)
          .header("X-Zendesk-Webhook-Invocation-Id", invocationId)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
      status = answer.statusCode();
      outcome = status >= 200 && status < 300 ? "success" : "failed";
    } catch (java.io.IOException e) {
      outcome = "failed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "failed";
    }
    String completed = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    JsonObject attempt = new JsonObject();
    attempt.addProperty("id", invocationId + "-1");
    attempt.addProperty("invocation_id", invocationId);
    attempt.addProperty("completed_at", completed);
    attempt.addProperty("status", outcome);
    attempt.addProperty("status_code", status);
    JsonArray attempts = new JsonArray();
    attempts.add(attempt);
    JsonObject invocation = new JsonObject();
    invocation.addProperty("id", invocationId);
    invocation.addProperty("sequence", sequence.incrementAndGet());
    invocation.addProperty("latest_completed_at", completed);
    invocation.addProperty("status", outcome);
    invocation.addProperty("status_code", status);
    invocation.add("attempts", attempts);
    List<JsonObject> list = invocations.get(webhookId);
    if (list != null) {
      list.add(invocation);
    }
  }
}
