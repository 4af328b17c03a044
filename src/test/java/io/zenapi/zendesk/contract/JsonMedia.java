package io.zenapi.zendesk.contract;

import com.google.gson.JsonObject;

/** Which media type of an operation's {@code content} map holds its JSON, for the tests that read examples. */
public final class JsonMedia {
  private JsonMedia() {}

  /**
   * {@code application/json}, else the first {@code ...+json} media type (a merge-patch body); null when none.
   *
   * @param content the {@code content} map of a request body or response, or null
   * @return the media type object, or null
   */
  public static JsonObject of(JsonObject content) {
    if (content == null) {
      return null;
    }
    if (content.has("application/json")) {
      return content.getAsJsonObject("application/json");
    }
    return content.entrySet().stream().filter(e -> e.getKey().endsWith("+json"))
        .map(e -> e.getValue().getAsJsonObject()).findFirst().orElse(null);
  }
}
