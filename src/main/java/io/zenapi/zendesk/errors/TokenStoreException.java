package io.zenapi.zendesk.errors;

/**
 * Zendesk issued a new OAuth token pair but the {@code TokenStore} could not save it. The client does not use a
 * token it could not save (the old refresh token is already gone on Zendesk's side); it keeps the new pair in memory
 * and tries to save it again on the next call. Fix the store (disk full, permissions) and call again.
 */
public class TokenStoreException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /**
   * A save that failed.
   *
   * @param message which store failed and what happens next
   * @param cause the store's failure
   */
  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
