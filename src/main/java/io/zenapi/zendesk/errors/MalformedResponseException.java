package io.zenapi.zendesk.errors;

import java.util.Optional;

/**
 * A successful status whose body is not the JSON the operation returns: an HTML page, truncated JSON, a value
 * of the wrong type. The message says where parsing stopped, never the body itself.
 */
public class MalformedResponseException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String requestId;

  /** A malformed response to a request. */
  public MalformedResponseException(String message, int status, String requestId, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.requestId = requestId;
  }

  /** The HTTP status the malformed body came with. */
  public int status() {
    return status;
  }

  /** Zendesk's {@code X-Zendesk-Request-Id}; empty when absent. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
