package io.zenapi.zendesk.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Small builders for the mock's answers. */
final class Reply {
  private Reply() {}

  static ResponseDefinition json(int status, JsonElement body) {
    return json(status, body.toString());
  }

  static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("X-Zendesk-Request-Id", java.util.UUID.randomUUID().toString())
        .withBody(body).build();
  }

  static ResponseDefinition noContent() {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
  }

  /** Zendesk's error body: {@code {"error": ..., "description": ...}}. */
  static ResponseDefinition error(int status, String error, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    o.addProperty("description", description);
    return json(status, o);
  }
}
