package io.zenapi.zendesk.errors;

import java.util.Optional;

/**
 * A write failed in a way that may have reached Zendesk (a connection reset after the request was sent, a timeout):
 * it may or may not have been applied. When it is not safe to send twice (a comment, tags added, a POST without
 * key) the client sent it once; otherwise it was retried as far as the retry policy allows, and the last attempt
 * failed this way. The message says which.
 *
 * <p>It carries what is needed to check: the method and URL, the operation, the body as sent and, where one was
 * sent, the {@code Idempotency-Key}. With a key, repeating the call with the same key
 * ({@code client.execute(call, e.idempotencyKey().get())}) is safe: Zendesk answers with the first result instead
 * of applying it again. Without one, read the resource (for a ticket, its latest audits) before deciding.
 */
public class WriteOutcomeUnknownException extends ZendeskTransportException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;
  private final String operation;
  private final transient String body;
  private final String idempotencyKey;

  /**
   * An unknown outcome.
   *
   * @param message what failed and why it was not sent again
   * @param method the HTTP method
   * @param url the URL
   * @param operation the generated method's name, or null
   * @param body the body as sent, or null
   * @param idempotencyKey the key sent, or null
   * @param cause the failure
   */
  public WriteOutcomeUnknownException(String message, String method, String url, String operation, String body,
      String idempotencyKey, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.url = url;
    this.operation = operation;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * The HTTP method of the write.
   *
   * @return e.g. {@code PUT}
   */
  public String method() {
    return method;
  }

  /**
   * The URL of the write.
   *
   * @return the full URL
   */
  public String url() {
    return url;
  }

  /**
   * The generated method that made the request.
   *
   * @return its name (e.g. {@code updateTicket}), or empty for a request built by hand
   */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * The request body as it was sent, to compare with what the resource holds now. It is never part of the message.
   *
   * @return the body text, or empty without one
   */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /**
   * The {@code Idempotency-Key} the request carried; repeating the call with it is safe.
   *
   * @return the key, or empty when the request had none
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }
}
