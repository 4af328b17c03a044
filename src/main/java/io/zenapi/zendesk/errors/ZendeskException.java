package io.zenapi.zendesk.errors;

/** The root of every exception this client throws. Unchecked. */
public class ZendeskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message the detail message
   */
  public ZendeskException(String message) {
    super(message);
  }

  /**
   * An exception with a message and its cause.
   *
   * @param message the detail message
   * @param cause the cause
   */
  public ZendeskException(String message, Throwable cause) {
    super(message, cause);
  }
}
