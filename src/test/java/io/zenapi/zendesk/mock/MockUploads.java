package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's uploads: {@code POST /api/v2/uploads?filename=...} stores the bytes and answers 201 with a token and the
 * attachment; a ticket comment that names the token in {@code uploads} carries the attachment (see
 * {@link MockTickets#comments(long)} and {@code GET /api/v2/tickets/{id}/comments}). A second upload with
 * {@code token=} adds its file to that token, as on Zendesk. Thread-safe.
 */
final class MockUploads {
  private final Map<String, JsonArray> byToken = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(600_000_000_001L);

  void reset() {
    byToken.clear();
  }

  void register(Router router) {
    router.on("POST", "/api/v2/uploads", req -> {
      String name = req.query("filename");
      if (name == null || name.isBlank()) {
        return Reply.error(400, "InvalidValue", "UploadFiles requires the query parameter filename");
      }
      String token = req.query("token");
      if (token != null && !byToken.containsKey(token)) {
        return Reply.error(404, "RecordNotFound", "no upload with this token");
      }
      long id = nextId.getAndIncrement();
      JsonObject attachment = new JsonObject();
      attachment.addProperty("id", id);
      attachment.addProperty("file_name", name);
      attachment.addProperty("content_url", req.origin() + "/attachments/token/" + id + "/?name=" + name);
      String type = req.header("Content-Type");
      attachment.addProperty("content_type", type == null ? "application/binary" : type.split(";")[0].trim());
      attachment.addProperty("size", req.bodyBytes().length);
      String key = token != null ? token : "mock-upload-" + id;
      JsonArray files = byToken.computeIfAbsent(key, k -> new JsonArray());
      synchronized (files) {
        files.add(attachment);
      }
      JsonObject upload = new JsonObject();
      upload.addProperty("token", key);
      upload.addProperty("expires_at", Instant.parse("2030-01-01T00:00:00Z").toString());
      upload.add("attachment", attachment);
      upload.add("attachments", files.deepCopy());
      return Reply.json(201, MockTickets.wrap("upload", upload));
    });
  }

  /** The attachments of the uploads a comment names, in order; tokens the mock never gave are left out. */
  JsonArray attachments(JsonElement tokens) {
    JsonArray out = new JsonArray();
    if (tokens != null && tokens.isJsonArray()) {
      for (JsonElement token : tokens.getAsJsonArray()) {
        JsonArray files = token.isJsonPrimitive() ? byToken.get(token.getAsString()) : null;
        if (files != null) {
          synchronized (files) {
            out.addAll(files.deepCopy());
          }
        }
      }
    }
    return out;
  }
}
