package io.zenapi.zendesk.errors;

/**
 * 409 Conflict: the record changed since it was read (a safe update's {@code updated_stamp} is older than the
 * ticket's {@code updated_at}). Never retried by the transport; {@code tickets().safeUpdate} re-reads and re-applies.
 */
public class ConflictException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public ConflictException(ApiError e) {
    super(e);
  }
}
