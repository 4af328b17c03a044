package io.zenapi.zendesk.errors;

/** 401 Unauthorized: the credentials are missing, wrong, expired or revoked. */
public class AuthenticationException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public AuthenticationException(ApiError e) {
    super(e);
  }
}
