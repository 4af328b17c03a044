package io.zenapi.zendesk.errors;

/** 404 Not Found: no such record (or not visible to these credentials). */
public class NotFoundException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public NotFoundException(ApiError e) {
    super(e);
  }
}
