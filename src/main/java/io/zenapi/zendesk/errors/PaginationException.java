package io.zenapi.zendesk.errors;

/** A list cannot be paged further safely: the server repeated a cursor or a next page, or pointed elsewhere. */
public class PaginationException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /** A pagination failure. */
  public PaginationException(String message) {
    super(message);
  }
}
