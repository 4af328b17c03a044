package io.zenapi.zendesk.auth;

import io.zenapi.zendesk.errors.ReauthorizationRequiredException;
import io.zenapi.zendesk.errors.TokenStoreException;
import io.zenapi.zendesk.generated.model.CreateTokenForGrantTypeRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth credentials that renew themselves: client credentials ({@link Credentials#oauthClientCredentials}) and a
 * refresh token ({@link Credentials#oauthRefreshing}).
 *
 * <ul>
 *   <li>A token is renewed shortly (60 s) before it expires, and once after a 401, after which the request is
 *       replayed once.</li>
 *   <li>Renewal is single-flight: however many threads find the token expired (or get a 401 with it), one token
 *       request is made and the others wait for its result.</li>
 *   <li>A rotated pair goes to the {@link TokenStore} before the new access token is used.</li>
 *   <li>A grant Zendesk refuses ({@code invalid_grant}, {@code invalid_client}) or a refresh token past its lifetime
 *       ends in {@link ReauthorizationRequiredException}, and every later call fails the same way at once.</li>
 * </ul>
 * One instance belongs to one client. {@code toString()} never shows a secret.
 */
public abstract sealed class OAuthCredentials implements Credentials
    permits OAuthCredentials.ClientCredentials, OAuthCredentials.Refreshing {
  /** How long before expiry a token is renewed. */
  public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

  private final ReentrantLock renewal = new ReentrantLock();
  private volatile OAuthTokens current;
  private volatile TokenEndpoint endpoint;
  private OAuthTokens unsaved;
  private volatile ReauthorizationRequiredException dead;

  OAuthCredentials(OAuthTokens initial) {
    this.current = initial;
  }

  /**
   * Connects these credentials to the client's token endpoint; called once by the client.
   *
   * @param endpoint the client's token endpoint
   * @throws IllegalStateException when the credentials are already bound to another endpoint
   */
  public final void bind(TokenEndpoint endpoint) {
    if (this.endpoint != null && this.endpoint != endpoint) {
      throw new IllegalStateException("these OAuth credentials already belong to another ZendeskClient;"
          + " make one Credentials object per client");
    }
    this.endpoint = endpoint;
  }

  /** Not available for renewing credentials: the client asks {@link #accessToken()} instead. */
  @Override
  public final String authorizationHeader() {
    throw new UnsupportedOperationException("renewing OAuth credentials need the client's token endpoint");
  }

  /**
   * A valid access token, renewed first when it expires within {@link #RENEW_BEFORE_EXPIRY}.
   *
   * @return the access token to send
   * @throws IOException when the token request got no answer
   * @throws ReauthorizationRequiredException when the grant no longer works
   * @throws TokenStoreException when a rotated pair could not be saved
   */
  public final String accessToken() throws IOException {
    checkAlive();
    OAuthTokens t = current;
    if (t != null && !expiringSoon(t)) {
      return t.accessToken();
    }
    renewal.lock();
    try {
      checkAlive();
      t = current;
      if (t != null && !expiringSoon(t)) {
        return t.accessToken();
      }
      return renewLocked(t).accessToken();
    } finally {
      renewal.unlock();
    }
  }

  /**
   * After a 401 with {@code usedToken}: renews unless another thread already did.
   *
   * @param usedToken the access token the 401 answered
   * @return the token to replay the request with
   * @throws IOException when the token request got no answer
   * @throws ReauthorizationRequiredException when the grant no longer works
   * @throws TokenStoreException when a rotated pair could not be saved
   */
  public final String renewAfterUnauthorized(String usedToken) throws IOException {
    checkAlive();
    renewal.lock();
    try {
      checkAlive();
      OAuthTokens t = current;
      if (t != null && !t.accessToken().equals(usedToken)) {
        return t.accessToken();
      }
      return renewLocked(t).accessToken();
    } finally {
      renewal.unlock();
    }
  }

  private OAuthTokens renewLocked(OAuthTokens old) throws IOException {
    OAuthTokens fresh = unsaved;
    if (fresh == null) {
      TokenEndpoint e = endpoint;
      if (e == null) {
        throw new IllegalStateException("OAuth credentials are not attached to a ZendeskClient");
      }
      try {
        fresh = obtain(old, e);
      } catch (ReauthorizationRequiredException refused) {
        dead = refused;
        throw refused;
      }
    }
    persist(fresh);
    unsaved = null;
    current = fresh;
    return fresh;
  }

  private void persist(OAuthTokens fresh) {
    TokenStore store = store();
    if (store == null) {
      return;
    }
    try {
      store.save(fresh);
    } catch (IOException | RuntimeException e) {
      unsaved = fresh; // keep it: Zendesk already deleted the old refresh token
      throw new TokenStoreException("Zendesk rotated the OAuth tokens but " + store + " could not save them ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); the new token is not used until it is saved, which is tried again on the next call", e);
    }
  }

  private boolean expiringSoon(OAuthTokens t) {
    return t.accessExpiresAt() != null && endpoint != null
        && !endpoint.clock().instant().isBefore(t.accessExpiresAt().minus(RENEW_BEFORE_EXPIRY));
  }

  private void checkAlive() {
    ReauthorizationRequiredException d = dead;
    if (d != null) {
      throw new ReauthorizationRequiredException(new io.zenapi.zendesk.errors.ApiError(d.status(), "POST",
          "/oauth/tokens", null, d.error().orElse(null), d.description().orElse(null), null, null));
    }
  }

  /** Asks the endpoint for the next pair, given the current one (null before the first). */
  abstract OAuthTokens obtain(OAuthTokens current, TokenEndpoint endpoint) throws IOException;

  /** Where rotated pairs are saved, or null. */
  abstract TokenStore store();

  /** {@link Credentials#oauthClientCredentials}. */
  static final class ClientCredentials extends OAuthCredentials {
    private final String clientId;
    private final String clientSecret;
    private final String scope;

    ClientCredentials(String clientId, String clientSecret, String scope) {
      super(null);
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.scope = scope;
    }

    @Override
    OAuthTokens obtain(OAuthTokens current, TokenEndpoint endpoint) throws IOException {
      return endpoint.request(new CreateTokenForGrantTypeRequest().grantType("client_credentials")
          .clientId(clientId).clientSecret(clientSecret).scope(scope));
    }

    @Override
    TokenStore store() {
      return null;
    }

    @Override
    public String toString() {
      return "Credentials{OAuth client credentials of client " + clientId + ", secret redacted}";
    }
  }

  /** {@link Credentials#oauthRefreshing}. */
  static final class Refreshing extends OAuthCredentials {
    private final String clientId;
    private final String clientSecret;
    private final TokenStore store;

    Refreshing(OAuthTokens initial, String clientId, String clientSecret, TokenStore store) {
      super(initial);
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.store = store;
    }

    @Override
    OAuthTokens obtain(OAuthTokens current, TokenEndpoint endpoint) throws IOException {
      if (current == null || current.refreshToken() == null) {
        throw TokenEndpoint.reauthorize(401, "no_refresh_token", "there is no refresh token to renew with");
      }
      Instant now = endpoint.clock().instant();
      if (current.refreshExpiresAt() != null && !now.isBefore(current.refreshExpiresAt())) {
        throw TokenEndpoint.reauthorize(401, "refresh_token_expired", "the refresh token expired at "
            + current.refreshExpiresAt());
      }
      OAuthTokens fresh = endpoint.request(new CreateTokenForGrantTypeRequest().grantType("refresh_token")
          .refreshToken(current.refreshToken()).clientId(clientId).clientSecret(clientSecret));
      // Zendesk may omit a new refresh token; the old one then stays valid
      return fresh.refreshToken() != null ? fresh : new OAuthTokens(fresh.accessToken(), current.refreshToken(),
          fresh.accessExpiresAt(), current.refreshExpiresAt());
    }

    @Override
    TokenStore store() {
      return store;
    }

    @Override
    public String toString() {
      return "Credentials{OAuth refresh token of client " + clientId + ", tokens and secret redacted}";
    }
  }
}
