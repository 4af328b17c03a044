package io.zenapi.zendesk.errors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.zenapi.zendesk.internal.Json;
import io.zenapi.zendesk.transport.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import okhttp3.Response;

/** The one place where an HTTP error status becomes a typed exception. */
public final class ApiErrors {
  /** Zendesk's request id header. */
  public static final String REQUEST_ID = "X-Zendesk-Request-Id";
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private ApiErrors() {}

  /**
   * The exception for an error response; reads (a bounded part of) its body for Zendesk's error fields.
   *
   * @param response an unsuccessful response; its body is peeked at, not consumed
   * @param clock the client's clock, which a {@code Retry-After} HTTP-date is measured against
   * @return the exception for the response's status, to be thrown by the caller
   */
  public static ZendeskApiException fromResponse(Response response, Clock clock) {
    String error = null;
    String description = null;
    Map<String, Object> details = null;
    if (response.body() != null) {
      try {
        String text = response.peekBody(MAX_ERROR_BODY).string();
        JsonElement json = JsonParser.parseString(text);
        if (json.isJsonObject()) {
          JsonObject o = json.getAsJsonObject();
          JsonElement e = o.get("error");
          if (e != null && e.isJsonPrimitive()) {
            error = e.getAsString();
          } else if (e != null && e.isJsonObject()) {
            error = string(e.getAsJsonObject(), "title");
            description = string(e.getAsJsonObject(), "message");
          }
          if (description == null) {
            description = string(o, "description");
          }
          JsonElement d = o.get("details");
          if (d != null && d.isJsonObject()) {
            details = Json.GSON.fromJson(d, new TypeToken<Map<String, Object>>() {}.getType());
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // an HTML error page or a cut-off body: the status alone must do
      }
    }
    ApiError e = new ApiError(response.code(), response.request().method(), response.request().url().encodedPath(),
        response.header(REQUEST_ID), error, description, details, RetryAfter.parse(response.header("Retry-After"),
        clock));
    return toException(e);
  }

  /**
   * Maps a status to its exception class.
   *
   * @param e the error response
   * @return {@link BadRequestException} (400, 422), {@link AuthenticationException} (401),
   *     {@link PermissionDeniedException} (403), {@link NotFoundException} (404), {@link ConflictException} (409),
   *     {@link RateLimitedException} (429), or a plain {@link ZendeskApiException} for any other status
   */
  public static ZendeskApiException toException(ApiError e) {
    return switch (e.status()) {
      case 400, 422 -> new BadRequestException(e);
      case 401 -> new AuthenticationException(e);
      case 403 -> new PermissionDeniedException(e);
      case 404 -> new NotFoundException(e);
      case 409 -> new ConflictException(e);
      case 429 -> new RateLimitedException(e);
      default -> new ZendeskApiException(e);
    };
  }

  private static String string(JsonObject o, String key) {
    JsonElement v = o.get(key);
    return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
  }
}
