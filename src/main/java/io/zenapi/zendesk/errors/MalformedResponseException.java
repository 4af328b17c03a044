package io.zenapi.zendesk.errors;

import java.util.Optional;

/**
 * A successful status whose body is not the JSON the operation returns: an HTML page, truncated JSON, a value
 * of the wrong type. The message says where parsing stopped, never the body itself.
 */
public class MalformedResponseException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  /** The HTTP status the malformed body came with. */
  private final int status;
  /** Zendesk's {@code X-Zendesk-Request-Id}, or null. */
  private final String requestId;

  /**
   * A malformed response to a request.
   *
   * @param message what is wrong with the body and where parsing stopped (never the body itself)
   * @param status the HTTP status of the response
   * @param requestId Zendesk's {@code X-Zendesk-Request-Id}, or null
   * @param cause the parsing failure
   */
  public MalformedResponseException(String message, int status, String requestId, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.requestId = requestId;
  }

  /**
   * The HTTP status the malformed body came with.
   *
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * Zendesk's {@code X-Zendesk-Request-Id}; empty when absent.
   *
   * @return the request id, or empty when absent
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
