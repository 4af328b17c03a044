package io.zenapi.zendesk.errors;

/** 403 Forbidden: the credentials are valid but may not do this. */
public class PermissionDeniedException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public PermissionDeniedException(ApiError e) {
    super(e);
  }
}
