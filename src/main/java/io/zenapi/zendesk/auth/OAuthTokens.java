package io.zenapi.zendesk.auth;

import java.time.Instant;

/**
 * An OAuth token pair as Zendesk issued it. {@code toString()} never shows the tokens.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or null (client credentials grant no refresh token)
 * @param accessExpiresAt when the access token expires, or null when unknown
 * @param refreshExpiresAt when the refresh token expires, or null when unknown
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant accessExpiresAt,
    Instant refreshExpiresAt) {

  /**
   * @param accessToken the access token, not blank
   * @param refreshToken the refresh token, or null
   * @param accessExpiresAt when the access token expires, or null when unknown
   * @param refreshExpiresAt when the refresh token expires, or null when unknown
   * @throws IllegalArgumentException when the access token is blank
   */
  public OAuthTokens {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("OAuth access token must not be blank");
    }
  }

  @Override
  public String toString() {
    return "OAuthTokens{access token redacted, refresh token " + (refreshToken == null ? "none" : "redacted")
        + ", access expires " + (accessExpiresAt == null ? "unknown" : accessExpiresAt)
        + ", refresh expires " + (refreshExpiresAt == null ? "unknown" : refreshExpiresAt) + "}";
  }
}
