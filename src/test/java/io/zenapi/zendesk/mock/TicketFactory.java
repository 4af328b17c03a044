package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Realistic generated tickets: about 40 fields with custom fields, tags, via, satisfaction rating and 64-bit ids,
 * deterministic for a seed. Used by the mock and by the benchmarks.
 */
public final class TicketFactory {
  /** Ticket ids start here, above 2^32, as on large accounts. */
  public static final long FIRST_ID = 35_000_000_001L;
  /** The first ticket's created_at; each next ticket is one minute later. */
  public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
  private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
  private static final List<String> TYPES = List.of("question", "incident", "problem", "task");
  private static final List<String> CHANNELS = List.of("email", "web", "api", "chat", "voice");
  private static final List<String> TAGS = List.of("billing", "refund", "vip", "printer", "login", "outage",
      "enterprise", "mobile", "api", "shipping");
  private static final List<String> SUBJECTS = List.of("Help, my printer is on fire!", "Cannot log in",
      "Refund for order", "Invoice is wrong", "Feature request: dark mode", "Shipping delayed", "API returns 500");

  private final String origin;
  private final long seed;

  /**
   * @param origin the server's origin, for the {@code url} fields
   * @param seed the random seed; the same seed gives the same tickets
   */
  public TicketFactory(String origin, long seed) {
    this.origin = origin;
    this.seed = seed;
  }

  /** The n-th ticket (0-based). */
  public JsonObject ticket(int n) {
    Random r = new Random(seed * 31 + n);
    long id = FIRST_ID + n;
    Instant created = EPOCH.plusSeconds(60L * n);
    Instant updated = created.plusSeconds(30);
    JsonObject t = new JsonObject();
    t.addProperty("url", origin + "/api/v2/tickets/" + id + ".json");
    t.addProperty("id", id);
    t.addProperty("external_id", "ext-" + Long.toHexString(id));
    JsonObject via = new JsonObject();
    String channel = pick(r, CHANNELS);
    via.addProperty("channel", channel);
    JsonObject source = new JsonObject();
    JsonObject from = new JsonObject();
    from.addProperty("address", "customer" + r.nextInt(5000) + "@example.com");
    from.addProperty("name", "Customer " + r.nextInt(5000));
    source.add("from", from);
    JsonObject to = new JsonObject();
    to.addProperty("address", "support@acme.zendesk.com");
    to.addProperty("name", "Acme Support");
    source.add("to", to);
    source.add("rel", null);
    via.add("source", source);
    t.add("via", via);
    t.addProperty("created_at", created.toString());
    t.addProperty("updated_at", updated.toString());
    t.addProperty("generated_timestamp", updated.getEpochSecond());
    t.addProperty("type", pick(r, TYPES));
    String subject = pick(r, SUBJECTS) + " #" + n;
    t.addProperty("subject", subject);
    t.addProperty("raw_subject", subject);
    t.addProperty("description", "Ticket " + n + ": the customer reports a problem that needs attention."
        + " Steps to reproduce were attached in the first comment.");
    t.addProperty("priority", pick(r, PRIORITIES));
    t.addProperty("status", pick(r, STATUSES));
    t.addProperty("recipient", "support@acme.zendesk.com");
    long requester = 360_000_000_000L + r.nextInt(100_000);
    t.addProperty("requester_id", requester);
    t.addProperty("submitter_id", requester);
    t.addProperty("assignee_id", 370_000_000_000L + r.nextInt(50));
    t.addProperty("organization_id", 380_000_000_000L + r.nextInt(500));
    t.addProperty("group_id", 390_000_000_000L + r.nextInt(12));
    t.add("collaborator_ids", ids(r, 360_000_000_000L, r.nextInt(3)));
    t.add("follower_ids", ids(r, 370_000_000_000L, r.nextInt(2)));
    t.add("email_cc_ids", ids(r, 360_000_000_000L, r.nextInt(2)));
    t.add("forum_topic_id", null);
    t.add("problem_id", null);
    t.addProperty("has_incidents", r.nextInt(10) == 0);
    t.addProperty("is_public", true);
    t.add("due_at", null);
    JsonArray tags = new JsonArray();
    int nTags = 1 + r.nextInt(3);
    for (int i = 0; i < nTags; i++) {
      tags.add(TAGS.get((n + i * 3) % TAGS.size()));
    }
    t.add("tags", tags);
    JsonArray custom = new JsonArray();
    for (int i = 0; i < 4; i++) {
      JsonObject f = new JsonObject();
      f.addProperty("id", 360_001_000_000L + i);
      switch (i) {
        case 0 -> f.addProperty("value", "plan_" + pick(r, List.of("basic", "pro", "enterprise")));
        case 1 -> f.addProperty("value", r.nextInt(1000));
        case 2 -> f.addProperty("value", r.nextBoolean());
        default -> f.add("value", null);
      }
      custom.add(f);
    }
    t.add("custom_fields", custom);
    t.add("fields", custom.deepCopy());
    JsonObject rating = new JsonObject();
    rating.addProperty("score", pick(r, List.of("unoffered", "offered", "good", "bad")));
    t.add("satisfaction_rating", rating);
    t.add("sharing_agreement_ids", new JsonArray());
    t.addProperty("custom_status_id", 400_000_000_000L + STATUSES.indexOf(t.get("status").getAsString()));
    t.add("followup_ids", new JsonArray());
    t.addProperty("ticket_form_id", 410_000_000_000L);
    t.addProperty("brand_id", 420_000_000_000L);
    t.addProperty("allow_channelback", false);
    t.addProperty("allow_attachments", true);
    t.addProperty("from_messaging_channel", "chat".equals(channel));
    return t;
  }

  private static JsonArray ids(Random r, long base, int count) {
    JsonArray a = new JsonArray();
    for (int i = 0; i < count; i++) {
      a.add(base + r.nextInt(100_000));
    }
    return a;
  }

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }
}
