package io.zenapi.zendesk.errors;

/** A list cannot be paged further safely: the server repeated a cursor or a next page, or pointed elsewhere. */
public class PaginationException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /**
   * A pagination failure.
   *
   * @param message what the server did wrong, and where
   */
  public PaginationException(String message) {
    super(message);
  }
}
