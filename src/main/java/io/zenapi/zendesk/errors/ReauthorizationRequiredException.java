package io.zenapi.zendesk.errors;

/**
 * The OAuth grant can no longer produce tokens: Zendesk answered {@code invalid_grant} or {@code invalid_client},
 * or the refresh token is past its lifetime. Retrying cannot help; the user or admin must authorise the integration
 * again (a new authorisation code, or a new client secret). Later calls fail the same way without new token requests.
 */
public class ReauthorizationRequiredException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiErrors}.
   *
   * @param e the error of the refused token request
   */
  public ReauthorizationRequiredException(ApiError e) {
    super(e);
  }
}
