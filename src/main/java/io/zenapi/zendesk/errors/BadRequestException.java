package io.zenapi.zendesk.errors;

/**
 * Zendesk refused the request as invalid: 400 Bad Request or 422 Unprocessable Entity. {@link #details()} says which
 * fields.
 */
public class BadRequestException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public BadRequestException(ApiError e) {
    super(e);
  }
}
