package io.zenapi.zendesk.errors;

import java.time.Duration;
import java.util.Map;

/**
 * What is known about one HTTP error response: the input of {@link ApiErrors#toException}.
 *
 * @param status the HTTP status
 * @param method the request's HTTP method
 * @param path the request's path, without query string
 * @param requestId {@code X-Zendesk-Request-Id}, or null
 * @param error Zendesk's error code, or null
 * @param description Zendesk's description, or null
 * @param details Zendesk's per-field details, or null
 * @param retryAfter the {@code Retry-After} of a 429 or 503, or null
 */
public record ApiError(int status, String method, String path, String requestId, String error,
    String description, Map<String, Object> details, Duration retryAfter) {

  /**
   * "HTTP 404 RecordNotFound: Not found (GET /api/v2/tickets/1, request id abc123)"; a 422 names its invalid fields
   * ("..., invalid fields: email, name)"), never their values.
   *
   * @return a one-line summary of the error, for exception messages
   */
  public String message() {
    StringBuilder sb = new StringBuilder("HTTP ").append(status);
    if (error != null) {
      sb.append(' ').append(error);
    }
    if (description != null) {
      sb.append(": ").append(description);
    }
    sb.append(" (").append(method).append(' ').append(path);
    if (requestId != null) {
      sb.append(", request id ").append(requestId);
    }
    var fields = FieldError.from(details).keySet();
    if (!fields.isEmpty()) {
      // the names only: a description may quote the value sent, which can be personal data
      sb.append(", invalid fields: ").append(String.join(", ", fields));
    }
    if (retryAfter != null) {
      sb.append(", retry after ").append(retryAfter.toSeconds()).append(" s");
    }
    return sb.append(')').toString();
  }
}
