package io.zenapi.zendesk.errors;

/**
 * No usable HTTP exchange: the connection failed or was reset, a timeout or the retry deadline passed, or the
 * calling thread was interrupted (its interrupt flag is then set again).
 */
public class ZendeskTransportException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /**
   * A transport failure with its cause.
   *
   * @param message what failed, on which request
   * @param cause the underlying failure
   */
  public ZendeskTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
