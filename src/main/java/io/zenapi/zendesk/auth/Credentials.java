package io.zenapi.zendesk.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the client authenticates. Made by the static factories; {@code toString()} never shows a secret.
 *
 * <ul>
 *   <li>{@link #oauthClientCredentials(String, String, String)}: an OAuth client that gets and renews its own
 *       tokens.</li>
 *   <li>{@link #oauthRefreshing}: an OAuth token pair that renews itself, saving each rotated pair first.</li>
 *   <li>{@link #oauth(String)}: a fixed OAuth access token, sent as {@code Bearer}.</li>
 *   <li>{@link #apiToken(String, String)}: an API token. <b>Zendesk stopped issuing API tokens on 2026-10-27 and
 *       switches every remaining one off on 2027-04-30</b>; move to OAuth before then.</li>
 *   <li>{@link #basic(String, String)}: email and password (only where the account still allows it).</li>
 * </ul>
 */
public interface Credentials {
  /**
   * The {@code Authorization} header value for the next request.
   *
   * @return the complete header value, scheme included (e.g. {@code Bearer ...})
   */
  String authorizationHeader();

  /**
   * An API token of an agent.
   *
   * @param email the agent's email address
   * @param token the API token
   * @return credentials that send {@code email/token} and the token as HTTP basic authentication
   * @throws IllegalArgumentException when either is blank
   */
  static Credentials apiToken(String email, String token) {
    requireText("email", email);
    requireText("token", token);
    ApiTokenWarning.warnOnce();
    return new Static("API token of " + email, basic(email + "/token", token, false).authorizationHeader());
  }

  /**
   * Email and password (HTTP basic).
   *
   * @param email the user's email address
   * @param password the user's password
   * @return credentials that send HTTP basic authentication
   * @throws IllegalArgumentException when either is blank
   */
  static Credentials basic(String email, String password) {
    return basic(email, password, true);
  }

  /**
   * An OAuth access token, sent as {@code Authorization: Bearer}.
   *
   * @param accessToken the access token
   * @return credentials that always send this token
   * @throws IllegalArgumentException when it is blank
   */
  static Credentials oauth(String accessToken) {
    requireText("accessToken", accessToken);
    return new Static("OAuth access token", "Bearer " + accessToken);
  }

  /**
   * OAuth client credentials: the client gets an access token from {@code POST /oauth/tokens}
   * ({@code grant_type=client_credentials}) on first use, and a new one shortly before it expires or after a 401.
   *
   * @param clientId the OAuth client's identifier
   * @param clientSecret its secret
   * @param scope space-separated scopes, e.g. {@code "read write"}, or null for the client's default
   * @return credentials that get and renew their own access token
   * @throws IllegalArgumentException when the id or secret is blank
   */
  static OAuthCredentials oauthClientCredentials(String clientId, String clientSecret, String scope) {
    requireText("clientId", clientId);
    requireText("clientSecret", clientSecret);
    return new OAuthCredentials.ClientCredentials(clientId, clientSecret, scope);
  }

  /**
   * {@link #oauthClientCredentials(String, String, String)} with the client's default scope.
   *
   * @param clientId the OAuth client's identifier
   * @param clientSecret its secret
   * @return credentials that get and renew their own access token
   * @throws IllegalArgumentException when the id or secret is blank
   */
  static OAuthCredentials oauthClientCredentials(String clientId, String clientSecret) {
    return oauthClientCredentials(clientId, clientSecret, null);
  }

  /**
   * An OAuth token pair that renews itself with its refresh token: shortly before the access token expires (when
   * its expiry is known) and after a 401. Zendesk rotates the refresh token on every renewal and deletes the old
   * one, so each new pair is saved to {@code store} before the new access token is used. When the store already
   * holds a pair (saved by an earlier run), that pair is used instead of the one given.
   *
   * @param accessToken the current access token
   * @param refreshToken the refresh token that goes with it
   * @param clientId the OAuth client's identifier
   * @param clientSecret its secret
   * @param store where each rotated pair is saved, and where a saved pair is read from first
   * @return credentials that renew their token pair
   * @throws IllegalArgumentException when a token, the client id or secret is blank, or the store is null
   * @throws io.zenapi.zendesk.errors.TokenStoreException when the store cannot be read
   */
  static OAuthCredentials oauthRefreshing(String accessToken, String refreshToken, String clientId,
      String clientSecret, TokenStore store) {
    requireText("accessToken", accessToken);
    requireText("refreshToken", refreshToken);
    requireText("clientId", clientId);
    requireText("clientSecret", clientSecret);
    if (store == null) {
      throw new IllegalArgumentException("credentials: a TokenStore is required (TokenStore.file(path)): rotated"
          + " refresh tokens must be saved");
    }
    OAuthTokens initial;
    try {
      initial = store.load().orElse(new OAuthTokens(accessToken, refreshToken, null, null));
    } catch (java.io.IOException e) {
      throw new io.zenapi.zendesk.errors.TokenStoreException("cannot read " + store + ": " + e.getMessage(), e);
    }
    return new OAuthCredentials.Refreshing(initial, clientId, clientSecret, store);
  }

  private static Credentials basic(String user, String password, boolean check) {
    if (check) {
      requireText("email", user);
      requireText("password", password);
    }
    String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Static(check ? "basic auth of " + user : "", "Basic " + encoded);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("credentials: " + name + " must not be blank");
    }
  }

  /** Credentials whose header never changes. */
  final class Static implements Credentials {
    private final String description;
    private final String header;

    private Static(String description, String header) {
      this.description = description;
      this.header = header;
    }

    @Override
    public String authorizationHeader() {
      return header;
    }

    @Override
    public String toString() {
      return "Credentials{" + description + ", secret redacted}";
    }
  }
}
